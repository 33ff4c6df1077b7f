import Histogram
import Synchronization

/// Counts `new_message` deliveries of messages sent inside the measuring window and records
/// their end-to-end latency (send stamp in the text → arrival) in microseconds. A message
/// arriving twice on one connection counts once as delivered and once as a duplicate, so a
/// cluster that relays twice cannot hide its duplicates behind its losses.
///
/// The tallies are split into shards by connection: with one lock and one set for all of
/// them, every delivery of 100 000 a second queued on that lock, and each time the set grew
/// (rehashing a million entries) all readers stalled behind it — which the latency of the
/// deliveries read meanwhile then showed as the server's.
final class DeliveryRecorder: Sendable {
    struct Totals: Sendable {
        var latency = Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
        var delivered = 0
        var duplicates = 0
        /// (connection, send stamp) of every delivery counted.
        var seen = Set<Delivery>()
        var errorEvents = 0
        var firstError: String?

        mutating func add(_ other: Totals) {
            latency.add(other.latency)
            delivered += other.delivered
            duplicates += other.duplicates
            errorEvents += other.errorEvents
            if firstError == nil { firstError = other.firstError }
        }
    }

    private static let shardCount = 64

    /// Sends stamped in `start..<end` (monotonic nanoseconds) count.
    private let windowStart = Atomic<UInt64>(.max)
    private let windowEnd = Atomic<UInt64>(.max)
    /// A lock can't sit in an array: each shard is an object holding one.
    private final class Shard: Sendable {
        let totals = Mutex(Totals())
    }

    private let shards: [Shard] = (0..<shardCount).map { _ in Shard() }

    /// The text of a load message: `lg#<send nanoseconds>#`.
    static func text(stamp: UInt64) -> String { "lg#\(stamp)#" }

    func open(at start: UInt64) { windowStart.store(start, ordering: .sequentiallyConsistent) }
    func close(at end: UInt64) { windowEnd.store(end, ordering: .sequentiallyConsistent) }

    /// Every shard's tallies together (without the per-delivery set).
    var snapshot: Totals {
        var total = Totals()
        for shard in shards { shard.totals.withLock { total.add($0) } }
        return total
    }

    struct Delivery: Hashable, Sendable {
        var connection: Int
        var stamp: UInt64
    }

    /// The event handler of connection number `connection`.
    func handler(connection: Int) -> LoadgenEventHandler {
        { name, packet, arrived in self.handle(connection: connection, name, packet, arrived) }
    }

    func handle(connection: Int, _ name: Substring, _ packet: String, _ arrived: UInt64) {
        let shard = shards[connection % Self.shardCount]
        switch name {
        case "new_message":
            guard let stamp = Self.stamp(in: packet) else { return }
            guard stamp >= windowStart.load(ordering: .sequentiallyConsistent), stamp < windowEnd.load(ordering: .sequentiallyConsistent)
            else { return }
            let micros = arrived > stamp ? (arrived - stamp) / 1000 : 0
            shard.totals.withLock {
                guard $0.seen.insert(Delivery(connection: connection, stamp: stamp)).inserted else {
                    $0.duplicates += 1
                    return
                }
                $0.delivered += 1
                _ = $0.latency.record(micros)
            }
        case "error":
            shard.totals.withLock {
                $0.errorEvents += 1
                if $0.firstError == nil { $0.firstError = String(packet.prefix(200)) }
            }
        default:
            break
        }
    }

    /// The digits after the first `lg#` in the packet, read byte by byte (this runs for every
    /// delivery, so no Foundation searching).
    static func stamp(in packet: String) -> UInt64? {
        var utf8 = packet.utf8.makeIterator()
        var matched = 0
        let marker: [UInt8] = [UInt8(ascii: "l"), UInt8(ascii: "g"), UInt8(ascii: "#")]
        while let byte = utf8.next() {
            if byte == marker[matched] {
                matched += 1
                if matched == marker.count { break }
            } else {
                matched = byte == marker[0] ? 1 : 0
            }
        }
        guard matched == marker.count else { return nil }
        var value: UInt64 = 0
        var digits = 0
        while let byte = utf8.next(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            value = value &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}
