import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The bytes and number of the regular files under a folder (symbolic links are not
/// followed), and the figures of the file system holding it (`statvfs`), all in bytes. Reads
/// the disk: call it on the thread pool.
struct FolderUsage: Encodable, Sendable, Equatable {
    struct FileSystem: Encodable, Sendable, Equatable {
        let total: Int
        let free: Int
        /// Free to unprivileged users (what `df` counts as available).
        let available: Int

        /// `df`'s Use%: used / (used + available).
        var usedPercent: Double {
            let used = total - free
            return used + available > 0 ? Double(used) / Double(used + available) * 100 : 0
        }
    }

    var bytes = 0
    var files = 0
    var fileSystem: FileSystem?

    static func measure(_ path: String) -> FolderUsage {
        var usage = FolderUsage(fileSystem: fileSystem(of: path))
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        // An unreadable entry is skipped, not fatal: the figure is a total of what can be read.
        guard let walk = FileManager.default.enumerator(
            at: URL(fileURLWithPath: path, isDirectory: true), includingPropertiesForKeys: keys, errorHandler: { _, _ in true })
        else { return usage }
        for case let url as URL in walk {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            usage.files += 1
            usage.bytes += values.fileSize ?? 0
        }
        return usage
    }

    static func fileSystem(of path: String) -> FileSystem? {
        var figures = statvfs()
        guard statvfs(path, &figures) == 0 else { return nil }
        let unit = UInt64(figures.f_frsize)
        func bytes(_ blocks: some BinaryInteger) -> Int {
            let (product, overflow) = UInt64(blocks).multipliedReportingOverflow(by: unit)
            return overflow ? Int.max : Int(clamping: product)
        }
        return FileSystem(total: bytes(figures.f_blocks), free: bytes(figures.f_bfree), available: bytes(figures.f_bavail))
    }
}
