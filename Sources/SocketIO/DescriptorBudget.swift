#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many connections fit in the process's file-descriptor limit.
///
/// Every connection is a descriptor, and so is every SQLite file and journal, every upload
/// being written, libmagic's database, the listeners and the event loops' epoll and event
/// descriptors. A connection limit at the descriptor limit would let clients starve those:
/// `accept` and `open` would fail with EMFILE and the store would stop answering. So part of
/// the soft RLIMIT_NOFILE stays in reserve: an eighth of it, and at least 64.
public enum DescriptorBudget {
    /// The soft RLIMIT_NOFILE of this process (capped at 2^20; "unlimited" counts as that).
    public static func softLimit() -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
        let failed = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) != 0
        #else
        let failed = getrlimit(RLIMIT_NOFILE, &limit) != 0
        #endif
        // 1 024 is the usual default soft limit; assume it when the limit cannot be read.
        guard !failed else { return 1024 }
        return limit.rlim_cur > rlim_t(cap) ? cap : Int(limit.rlim_cur)
    }

    /// The connection limit for a soft descriptor limit: the limit less the reserve.
    public static func connectionLimit(softLimit: Int = softLimit()) -> Int {
        max(1, softLimit - reserve(softLimit: softLimit))
    }

    /// Descriptors kept for everything that is not a client connection.
    public static func reserve(softLimit: Int) -> Int {
        max(64, softLimit / 8)
    }

    private static let cap = 1 << 20
}
