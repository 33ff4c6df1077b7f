import Foundation
import Histogram

/// One line of the table `scripts/bench` prints:
/// `| scenario | load | throughput | p50 | p90 | p99 | max | errors | server RSS | CPU server / loadgen |`.
struct ResultRow {
    var scenario: String
    var load: String
    var throughput: String
    var latency: Histogram<UInt64>?
    var errors: String
    /// One entry per server process (the nodes of a cluster), shown as "A + B".
    var serverResident: [Int?]
    var cpu: String

    var markdown: String {
        let percentiles: [String]
        if let latency, latency.totalCount > 0 {
            percentiles = [50.0, 90.0, 99.0].map { Self.milliseconds(latency.valueAtPercentile($0)) } + [Self.milliseconds(latency.max)]
        } else {
            percentiles = ["–", "–", "–", "–"]
        }
        let resident = serverResident.isEmpty ? "–" : serverResident.map { $0.map(ProcessMemory.megabytes) ?? "–" }.joined(separator: " + ")
        return "| " + ([scenario, load, throughput] + percentiles + [errors, resident, cpu]).joined(separator: " | ") + " |"
    }

    static func milliseconds(_ micros: UInt64) -> String {
        micros >= 100_000 ? String(format: "%.0f ms", Double(micros) / 1000) : String(format: "%.1f ms", Double(micros) / 1000)
    }

    /// CPU used over an interval as a percentage of one core, one share per server process
    /// (the nodes of a cluster), shown as "A + B / loadgen".
    static func cpuShare(servers: [Double?], loadgen: Double?, seconds: Double) -> String {
        func share(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 / seconds * 100) } ?? "?" }
        let server = servers.isEmpty ? "?" : servers.map(share).joined(separator: " + ")
        return "\(server) / \(share(loadgen))"
    }
}

/// CPU seconds of this process (the load generator).
enum OwnCPU {
    static func seconds() -> Double {
        ProcessMemory.cpuSeconds(pid: getpid()) ?? 0
    }
}

/// Prints progress to standard error, so standard output holds only table rows; each line
/// starts with the seconds since the process started.
func progress(_ text: String) {
    let start = processStart  // a lazy global: read it before the clock
    let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
    FileHandle.standardError.write(Data((String(format: "[%6.1f s] ", seconds) + text + "\n").utf8))
}

private let processStart = MonotonicClock.nanoseconds()
