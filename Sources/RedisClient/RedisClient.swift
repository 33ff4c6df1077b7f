import Logging
import NIOConcurrencyHelpers
import NIOPosix

/// Commands to one Redis server over a small pool of blocking hiredis contexts, each used only
/// on the thread pool (never on an event loop), one command at a time.
///
/// A context that breaks is dropped and the next command connects again (with AUTH and SELECT),
/// so a Redis restart costs the commands that were in flight, not the client. A command that
/// found its connection closed by the server before any reply is tried once more on a new one.
public final class RedisClient: Sendable {
    public let url: RedisURL
    private let threadPool: NIOThreadPool
    private let logger: Logger
    private let slots: [NIOLockedValueBox<RedisConnection?>]
    private let next = NIOLockedValueBox(0)
    private let state = NIOLockedValueBox(State())
    private let outage: RedisOutageLog
    private let connectTimeout: Duration
    private let commandTimeout: Duration

    private struct State {
        var up = true
        var shutDown = false
    }

    public init(
        url: RedisURL, threadPool: NIOThreadPool, logger: Logger, connections: Int = 4,
        connectTimeout: Duration = .seconds(2), commandTimeout: Duration = .seconds(5), outage: RedisOutageLog? = nil
    ) {
        self.outage = outage ?? RedisOutageLog(url: url, logger: logger)
        self.url = url
        self.threadPool = threadPool
        self.logger = logger
        self.slots = (0..<max(1, connections)).map { _ in NIOLockedValueBox(nil) }
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
    }

    /// Whether the last command reached the server (an error reply counts as reached).
    public var isUp: Bool { state.withLockedValue { $0.up } }

    public func send(_ arguments: [String]) async throws -> RedisValue {
        try await send(bytes: arguments.map { Array($0.utf8) })
    }

    public func send(bytes arguments: [[UInt8]]) async throws -> RedisValue {
        guard !arguments.isEmpty else { throw RedisError.protocolError("empty command") }
        if state.withLockedValue({ $0.shutDown }) { throw RedisError.unreachable("the Redis client was shut down") }
        let slot = slots[next.withLockedValue { index in
            defer { index = (index + 1) % slots.count }
            return index
        }]
        let result: Result<RedisValue, RedisError>
        do {
            result = try await threadPool.runIfActive { [self] in
                slot.withLockedValue { connection in self.run(arguments, on: &connection) }
            }
        } catch {
            throw RedisError.unreachable("the thread pool is not running")
        }
        switch result {
        case .success(let value):
            record(up: true, reason: nil)
            return value
        case .failure(let error):
            if case .unreachable(let reason) = error { record(up: false, reason: reason) } else { record(up: true, reason: nil) }
            throw error
        }
    }

    /// Closes the pooled connections; later commands fail as unreachable.
    public func shutdown() {
        state.withLockedValue { $0.shutDown = true }
        for slot in slots {
            slot.withLockedValue { connection in
                connection?.close()
                connection = nil
            }
        }
    }

    /// Runs on a pool thread, under the slot's lock.
    private func run(_ arguments: [[UInt8]], on connection: inout RedisConnection?) -> Result<RedisValue, RedisError> {
        for attempt in 0..<2 {
            let reused = connection != nil
            do {
                if connection == nil {
                    connection = try RedisConnection.open(url, connectTimeout: connectTimeout, commandTimeout: commandTimeout)
                }
                return .success(try connection!.command(arguments))
            } catch let error as RedisError {
                guard let broken = connection, broken.isBroken else {
                    // An error reply: the connection is fine.
                    if case .server = error { return .failure(error) }
                    connection?.close()
                    connection = nil
                    return .failure(error)
                }
                let retry = reused && broken.brokeBeforeReply && attempt == 0
                broken.close()
                connection = nil
                if !retry { return .failure(error) }
            } catch {
                return .failure(.protocolError("\(error)"))
            }
        }
        return .failure(.unreachable("connection lost"))
    }

    /// Tracks the last outcome; the outage log says when an outage starts and ends.
    private func record(up: Bool, reason: String?) {
        state.withLockedValue { $0.up = up }
        outage.report("commands", up: up, reason: reason)
    }
}
