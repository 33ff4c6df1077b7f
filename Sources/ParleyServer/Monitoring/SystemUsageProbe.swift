import Foundation
import NIOPosix

/// Takes `SystemUsage` readings: this process's memory and CPU, the files under the data
/// folder with its file system, the stored uploads (a folder, or GridFS: its files and bytes,
/// no file system), and the open realtime connections. Walking the folder and reading `/proc`
/// touch the disk, so that part runs on the thread pool.
struct SystemUsageProbe: Sendable {
    let dataFolder: String?
    let uploads: any UploadStorage
    let threadPool: NIOThreadPool
    let connections: any OpenConnectionCounter
    let cpu: CPUMeter

    init(dataFolder: String?, uploads: any UploadStorage, threadPool: NIOThreadPool, connections: any OpenConnectionCounter) {
        self.dataFolder = dataFolder
        self.uploads = uploads
        self.threadPool = threadPool
        self.connections = connections
        self.cpu = CPUMeter()
    }

    func read() async throws -> SystemUsage {
        let (memory, data) = try await threadPool.runIfActive { [dataFolder] in
            (ProcessMemory.read(), dataFolder.map(FolderUsage.measure))
        }
        let uploads = try await uploads.usage()
        return SystemUsage(
            memory: memory, machineMemory: Int(clamping: ProcessInfo.processInfo.physicalMemory), cpu: cpu.read(), data: data,
            uploads: uploads, openConnections: await connections.openConnections())
    }
}
