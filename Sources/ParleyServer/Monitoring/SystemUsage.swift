import Foundation

/// One reading of this process and its disk, for `GET /api/admin/stats`.
struct SystemUsage: Sendable {
    let memory: ProcessMemory
    /// The machine's physical memory (`memoryUsage` is the process's share of it).
    let machineMemory: Int
    let cpu: CPUMeter.Reading
    let data: FolderUsage
    let uploads: FolderUsage
    let openConnections: Int

    /// Resident memory as a share of the machine's, 0–100.
    var memoryPercent: Double {
        machineMemory > 0 ? min(100, Double(memory.rss) / Double(machineMemory) * 100) : 0
    }
}
