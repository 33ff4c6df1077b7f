import Foundation
import NIOCore
import ParleyCore

extension UploadService {
    /// Stores the image of a data URL exactly as `POST /api/upload/image` stores a file part:
    /// written to the temporary folder, then checked by libmagic and libvips, named, given a
    /// thumbnail and recorded as the caller's by `save`.
    func saveImage(_ image: DataURL, originalName: String, principal: Principal) async throws -> Upload {
        let temporary = try await folder.createTemporaryFile()
        do {
            try await temporary.append(ByteBuffer(bytes: image.bytes), threadPool: folder.threadPool)
        } catch {
            await temporary.finish(threadPool: folder.threadPool)
            await folder.remove([temporary.path])
            throw error
        }
        await temporary.finish(threadPool: folder.threadPool)
        let file = ReceivedFile(originalName: originalName, path: temporary.path, size: image.bytes.count)
        guard let upload = try await save([file], kind: .image, principal: principal).first else {
            throw DomainError.validation("No image provided")
        }
        return upload
    }
}
