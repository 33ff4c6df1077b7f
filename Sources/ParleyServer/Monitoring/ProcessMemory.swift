import Foundation

/// This process's memory, from `/proc/self/status` (Linux), in bytes. Named after Node's
/// `process.memoryUsage()` where a figure means the same; there is no JavaScript heap here,
/// so the heap figures are those of the process's private data:
/// - `rss` (VmRSS): resident memory, as in Node.
/// - `heapTotal` (VmData): the private data segments reserved (malloc arenas, anonymous
///   mappings, thread stacks), resident or not.
/// - `heapUsed` (RssAnon): the part of that actually resident.
/// - `peakRss` (VmHWM) and `virtualSize` (VmSize).
/// Figures the kernel does not report are 0.
struct ProcessMemory: Sendable, Equatable {
    var rss = 0
    var heapTotal = 0
    var heapUsed = 0
    var peakRss = 0
    var virtualSize = 0

    static func read(statusFile: String = "/proc/self/status") -> ProcessMemory {
        guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return ProcessMemory() }
        return parse(text)
    }

    /// Lines read `VmRSS:     123456 kB`.
    static func parse(_ status: String) -> ProcessMemory {
        var memory = ProcessMemory()
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { continue }
            let (bytes, overflow) = kilobytes.multipliedReportingOverflow(by: 1024)
            guard !overflow else { continue }
            switch fields[0] {
            case "VmRSS": memory.rss = bytes
            case "VmData": memory.heapTotal = bytes
            case "RssAnon": memory.heapUsed = bytes
            case "VmHWM": memory.peakRss = bytes
            case "VmSize": memory.virtualSize = bytes
            default: continue
            }
        }
        return memory
    }
}
