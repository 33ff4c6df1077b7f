import Foundation
import Logging
import ParleyCore
import ParleyStore

/// Stores, describes and deletes uploads. The type comes from the content (libmagic), the
/// name from the server, and the owner is recorded so that only they (or a super_admin) can
/// see the details or delete. Images must decode in libvips; avatars are re-encoded as a
/// square without metadata, other images get a thumbnail.
public struct UploadService: Sendable {
    static let avatarSide = 256
    static let thumbnailSide = 320

    let store: any Store
    /// The local upload root: `.tmp/` for bodies being received and checked.
    let folder: UploadFolder
    /// Where accepted files are kept (disk or GridFS).
    let storage: any UploadStorage
    let magic: MagicPool
    let images: ImageProcessor
    let limits: UploadLimits
    let metrics: AppMetrics
    let logger: Logger

    /// Checks every file before storing any, so a request with one refused file stores nothing.
    /// The temporary files are gone afterwards, whatever happens.
    func save(_ files: [ReceivedFile], kind: UploadKind, principal: Principal) async throws -> [Upload] {
        var written: [UploadFileKey] = []
        var temporaries: [String] = []
        var inserted: [Upload] = []
        do {
            var checked: [(ReceivedFile, UploadFileType)] = []
            for file in files { checked.append((file, try await check(file, kind: kind))) }
            var uploads: [Upload] = []
            for (file, type) in checked {
                uploads.append(
                    try await place(
                        file, type: type, kind: kind, owner: principal.userId, written: &written, temporaries: &temporaries))
            }
            for upload in uploads {
                try await store.uploads.insert(upload)
                inserted.append(upload)
            }
            await folder.remove(files.map(\.path))
            metrics.uploaded(bytes: uploads.reduce(0) { $0 + $1.size }, kind: kind.rawValue)
            return uploads
        } catch {
            for upload in inserted { _ = try? await store.uploads.delete(id: upload.id) }
            await folder.remove(files.map(\.path) + temporaries)
            await storage.remove(written)
            throw error
        }
    }

    /// Stores a new avatar, points the user's `avatar` at it and removes the avatars it replaces.
    func setAvatar(_ file: ReceivedFile, principal: Principal, baseURL: String) async throws -> Upload {
        guard let upload = try await save([file], kind: .avatar, principal: principal).first else {
            throw DomainError.validation("No avatar file provided")
        }
        _ = try await store.users.update(
            id: principal.userId, UserChanges(avatar: .some(UploadURLs.file(upload, baseURL: baseURL))), at: Date())
        for earlier in try await store.uploads.list(ownerId: principal.userId, kind: .avatar) where earlier.id != upload.id {
            try await remove(earlier)
        }
        return upload
    }

    /// An upload's record, for its owner or a super_admin. `name` is as the client sent it.
    func find(_ name: String, principal: Principal) async throws -> Upload {
        let (kind, storedName) = try UploadName.parse(name)
        guard let upload = try await store.uploads.find(storedName: storedName), kind == nil || kind == upload.kind else {
            throw UploadName.notFound
        }
        guard UploadPermissions.canManage(upload, principal: principal) else { throw UserPermissions.insufficient }
        return upload
    }

    /// Deletes the file, its thumbnail and its record. Deleting the avatar a user shows also
    /// clears their `avatar`, so clients do not request a file that is gone.
    /// Two deletes of one file may race: only the call whose conditional delete removed the
    /// record goes on (and answers 200); the other answers 404, as if it had come second.
    func delete(_ name: String, principal: Principal) async throws {
        let upload = try await find(name, principal: principal)
        guard try await remove(upload) else { throw UploadName.notFound }
        guard upload.kind == .avatar, let owner = try await store.users.find(id: upload.ownerId),
            owner.avatar?.hasSuffix("/uploads/avatars/\(upload.storedName)") == true
        else { return }
        _ = try await store.users.update(id: owner.id, UserChanges(avatar: .some(nil)), at: Date())
    }

    /// The file behind `/uploads/<folder>/<name>`: only names Parley generated and recorded.
    func servedFile(folder folderName: String, name: String) async throws -> ServedFile {
        guard let kind = UploadKind(folder: folderName), let decoded = name.removingPercentEncoding,
            UploadName.isGenerated(decoded)
        else { throw UploadName.notFound }
        let storedName = UploadName.original(ofThumbnail: decoded) ?? decoded
        guard let upload = try await store.uploads.find(storedName: storedName), upload.kind == kind,
            decoded == upload.storedName || decoded == upload.thumbnailName
        else { throw UploadName.notFound }
        let key = UploadFileKey(kind: kind, name: decoded)
        guard let stored = try await storage.locate(key) else {
            logger.warning("recorded upload is missing from storage", metadata: ["file": .string(key.path)])
            throw UploadName.notFound
        }
        return ServedFile(upload: upload, stored: stored, isThumbnail: decoded != upload.storedName)
    }

    private func check(_ file: ReceivedFile, kind: UploadKind) async throws -> UploadFileType {
        let detected = try await magic.mimeType(ofFileAt: file.path)
        guard let type = UploadFileType.accepted(mimeType: detected, for: kind) else {
            logger.info(
                "upload refused by content type",
                metadata: ["detected": .string(detected), "kind": .string(kind.rawValue), "name": .string(file.originalName)])
            throw DomainError.unsupportedMediaType(kind == .file ? "File type not allowed!" : "Only image files are allowed!")
        }
        if type.isImage, try await images.decodedSize(ofFileAt: file.path) == nil {
            throw DomainError.unsupportedMediaType("The image could not be decoded.")
        }
        return type
    }

    /// Stores a checked file (for avatars, its re-encoded square) under a new name, with an
    /// image's thumbnail. Files made here start in `.tmp/` and are listed in `temporaries` until
    /// storage takes them; what storage took is listed in `written`, for undoing on failure.
    private func place(
        _ file: ReceivedFile, type: UploadFileType, kind: UploadKind, owner: ObjectId,
        written: inout [UploadFileKey], temporaries: inout [String]
    ) async throws -> Upload {
        let name = UploadName.generate(fileExtension: type.fileExtension)
        var source = file.path
        var thumbnailName: String?
        if kind == .avatar {
            source = folder.temporaryPath(for: name)
            temporaries.append(source)
            try await images.writeSquare(from: file.path, to: source, side: Self.avatarSide)
        } else if kind == .image {
            let thumbnail = UploadName.thumbnail(of: name)
            let thumbnailPath = folder.temporaryPath(for: thumbnail)
            temporaries.append(thumbnailPath)
            try await images.writeThumbnail(from: file.path, to: thumbnailPath, side: Self.thumbnailSide)
            written.append(UploadFileKey(kind: kind, name: thumbnail))
            try await storage.store(thumbnailPath, as: UploadFileKey(kind: kind, name: thumbnail))
            thumbnailName = thumbnail
        }
        let digest = try await folder.digest(of: source)
        written.append(UploadFileKey(kind: kind, name: name))
        try await storage.store(source, as: UploadFileKey(kind: kind, name: name))
        return Upload(
            ownerId: owner, kind: kind, storedName: name, thumbnailName: thumbnailName, originalName: file.originalName,
            mimeType: type.mimeType, size: digest.size, sha256: digest.sha256)
    }

    /// Removes an upload nobody was given: the message it was stored for was refused.
    func discard(_ upload: Upload) async {
        do {
            try await remove(upload)
        } catch {
            logger.warning(
                "could not remove the upload of a refused message",
                metadata: ["file": .string(upload.storedName), "error": .string(String(describing: error))])
        }
    }

    /// Removes the record, then the files; false (and nothing touched on disk) when another
    /// call removed the record first.
    @discardableResult
    private func remove(_ upload: Upload) async throws -> Bool {
        guard try await store.uploads.delete(id: upload.id) else { return false }
        await storage.remove([upload.storedName, upload.thumbnailName].compactMap { $0 }.map { UploadFileKey(kind: upload.kind, name: $0) })
        return true
    }
}
