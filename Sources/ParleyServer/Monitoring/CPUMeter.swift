import Foundation
import Synchronization

/// The share of the machine's CPU this process used between two readings, 0–100 where 100
/// means every core busy (so it fits the dashboard's percentage bar). The first reading
/// covers the time since the meter was made, at start-up. Readings closer together than a
/// second repeat the last share: an interval that short says nothing.
final class CPUMeter: Sendable {
    struct Reading: Sendable {
        let time: ProcessCPUTime
        let percent: Double
        let cores: Int
        let uptime: Duration
    }

    private struct Sample {
        var at: ContinuousClock.Instant
        var time: ProcessCPUTime
        var percent: Double
    }

    private let started: ContinuousClock.Instant
    private let last: Mutex<Sample>
    private let cores: Int

    init(cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let now = ContinuousClock.now
        started = now
        self.cores = max(1, cores)
        last = Mutex(Sample(at: now, time: .now(), percent: 0))
    }

    func read() -> Reading {
        let now = ContinuousClock.now
        let time = ProcessCPUTime.now()
        let percent = last.withLock { sample -> Double in
            let elapsed = now - sample.at
            guard elapsed >= .seconds(1) else { return sample.percent }
            let wall = Double(elapsed.components.seconds) * 1_000_000 + Double(elapsed.components.attoseconds) / 1e12
            let used = Double(time.total - sample.time.total)
            let share = min(100, max(0, used / (wall * Double(cores)) * 100))
            sample = Sample(at: now, time: time, percent: share)
            return share
        }
        return Reading(time: time, percent: percent, cores: cores, uptime: now - started)
    }
}
