#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Nanoseconds on the monotonic clock. Senders put this value in a message's text and the
/// receivers, in the same process, subtract it from their own reading: one clock, no skew.
enum MonotonicClock {
    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
