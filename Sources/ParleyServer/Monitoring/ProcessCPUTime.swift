import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// CPU time this process has used since it started, in microseconds, from `getrusage`: the
/// equivalent of Node's `process.cpuUsage()` (`user`, `system`).
struct ProcessCPUTime: Sendable, Equatable {
    var user: Int
    var system: Int

    var total: Int { user + system }

    static func now() -> ProcessCPUTime {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return ProcessCPUTime(user: 0, system: 0) }
        return ProcessCPUTime(user: microseconds(usage.ru_utime), system: microseconds(usage.ru_stime))
    }

    private static func microseconds(_ time: timeval) -> Int {
        Int(time.tv_sec) * 1_000_000 + Int(time.tv_usec)
    }
}
