import NIOPosix
import Synchronization

/// Content-type detection with libmagic, off the event loops. libmagic handles are not
/// thread-safe, so each detection borrows a handle for the length of its thread-pool job and
/// gives it back; a handle is opened only when none is free, so there are never more than
/// the pool has threads.
final class MagicPool: Sendable {
    private let idle = Mutex<[MagicHandle]>([])
    private let threadPool: NIOThreadPool

    /// Opens the first handle at once, so a missing magic database stops start-up instead of
    /// failing the first upload.
    init(threadPool: NIOThreadPool) throws {
        self.threadPool = threadPool
        let first = try MagicHandle.open()
        idle.withLock { $0.append(first) }
    }

    deinit {
        idle.withLock { handles in
            for handle in handles { handle.close() }
        }
    }

    /// The MIME type of the file's content ("image/png", "text/html", …).
    func mimeType(ofFileAt path: String) async throws -> String {
        try await threadPool.runIfActive { [self] in
            let handle = try idle.withLock { $0.popLast() } ?? MagicHandle.open()
            defer { idle.withLock { $0.append(handle) } }
            return try handle.mimeType(ofFileAt: path)
        }
    }
}
