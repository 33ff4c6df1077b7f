import Foundation
import ParleyCore

/// An `uploads` document (a Parley collection; the old server recorded nothing about its
/// files). Like every Parley document, a missing thumbnail is written as null.
struct UploadDocument: Codable, Equatable {
    var id: ObjectId
    var ownerId: ObjectId
    var kind: UploadKind
    var storedName: String
    var thumbnailName: String?
    var originalName: String
    var mimeType: String
    var size: Int
    var sha256: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id = "_id"
        case ownerId, kind, storedName, thumbnailName, originalName, mimeType, size, sha256, createdAt
    }

    init(_ upload: Upload) {
        id = upload.id
        ownerId = upload.ownerId
        kind = upload.kind
        storedName = upload.storedName
        thumbnailName = upload.thumbnailName
        originalName = upload.originalName
        mimeType = upload.mimeType
        size = upload.size
        sha256 = upload.sha256
        createdAt = upload.createdAt
    }

    var upload: Upload {
        Upload(
            id: id, ownerId: ownerId, kind: kind, storedName: storedName, thumbnailName: thumbnailName,
            originalName: originalName, mimeType: mimeType, size: size, sha256: sha256, createdAt: createdAt)
    }
}
