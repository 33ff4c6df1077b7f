import Foundation

/// One reading of this process and its disk, for `GET /api/admin/stats`.
struct SystemUsage: Sendable {
    let memory: ProcessMemory
    /// The machine's physical memory (`memoryUsage` is the process's share of it).
    let machineMemory: Int
    let cpu: CPUMeter.Reading
    /// The folder of the SQLite file; nil on MongoDB, whose data lives on its own server.
    let data: FolderUsage?
    let uploads: FolderUsage
    let openConnections: Int

    /// The file system the dashboard's disk bar shows: the database's when it is local, else
    /// the uploads'.
    var diskPercent: Double {
        (data?.fileSystem ?? uploads.fileSystem)?.usedPercent ?? 0
    }

    /// Resident memory as a share of the machine's, 0–100.
    var memoryPercent: Double {
        machineMemory > 0 ? min(100, Double(memory.rss) / Double(machineMemory) * 100) : 0
    }
}
