import Foundation
import NIOCore
import NIOPosix

/// A file being received. Created exclusively (never reusing or following an existing
/// path) and written with plain POSIX calls, each of which runs on the thread pool.
struct TemporaryFile: Sendable {
    let path: String
    private let descriptor: Int32

    init(creatingAt path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        self.path = path
        self.descriptor = descriptor
    }

    func append(_ buffer: ByteBuffer, threadPool: NIOThreadPool) async throws {
        try await threadPool.runIfActive {
            try buffer.withUnsafeReadableBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count {
                    let written = write(descriptor, base + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                    }
                    offset += written
                }
            }
        }
    }

    func finish(threadPool: NIOThreadPool) async {
        _ = try? await threadPool.runIfActive { _ = close(descriptor) }
    }
}
