import Foundation
import NIOPosix

/// Takes `SystemUsage` readings: this process's memory and CPU, the files under the data and
/// upload folders with their file systems, and the open realtime connections. Walking the
/// folders and reading `/proc` touch the disk, so that part runs on the thread pool.
struct SystemUsageProbe: Sendable {
    let dataFolder: String?
    let uploadFolder: String
    let threadPool: NIOThreadPool
    let connections: any OpenConnectionCounter
    let cpu: CPUMeter

    init(dataFolder: String?, uploadFolder: String, threadPool: NIOThreadPool, connections: any OpenConnectionCounter) {
        self.dataFolder = dataFolder
        self.uploadFolder = uploadFolder
        self.threadPool = threadPool
        self.connections = connections
        self.cpu = CPUMeter()
    }

    func read() async throws -> SystemUsage {
        let (memory, data, uploads) = try await threadPool.runIfActive { [dataFolder, uploadFolder] in
            (ProcessMemory.read(), dataFolder.map(FolderUsage.measure), FolderUsage.measure(uploadFolder))
        }
        return SystemUsage(
            memory: memory, machineMemory: Int(clamping: ProcessInfo.processInfo.physicalMemory), cpu: cpu.read(), data: data,
            uploads: uploads, openConnections: await connections.openConnections())
    }
}
