import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `uploads` documents and the exact filters MongoUploadStore sends.
struct UploadDocumentsTests {
    private let upload = Upload(
        id: Fixtures.requestId, ownerId: Fixtures.userId, kind: .image, storedName: "0123456789abcdef0123456789abcdef.png",
        thumbnailName: "0123456789abcdef0123456789abcdef_thumb.png", originalName: "cat.png", mimeType: "image/png", size: 2048,
        sha256: String(repeating: "ab", count: 32), createdAt: Fixtures.createdAt)

    @Test func uploadIsWrittenAndReadBack() throws {
        let document = try UploadDocuments.document(for: upload)
        #expect(
            document.keys == [
                "_id", "ownerId", "kind", "storedName", "thumbnailName", "originalName", "mimeType", "size", "sha256", "createdAt",
            ])
        #expect(document["ownerId"] == .objectId(Fixtures.userId))
        #expect(document["kind"] == "image")
        #expect(document["createdAt"] == .date(Fixtures.createdAt))
        #expect(try UploadDocuments.upload(from: BSONDocument(bytes: document.bytes())) == upload)

        var file = upload
        file.kind = .file
        file.thumbnailName = nil
        let fileDocument = try UploadDocuments.document(for: file)
        #expect(fileDocument["thumbnailName"] == .null)
        #expect(try UploadDocuments.upload(from: fileDocument) == file)
    }

    @Test func unreadableDocumentIsCorrupt() {
        #expect(throws: StoreError.self) {
            try UploadDocuments.upload(from: ["_id": .objectId(Fixtures.requestId), "kind": "movie"])
        }
    }

    @Test func filters() {
        #expect(UploadDocuments.filter(storedName: "a.png") == ["storedName": "a.png"])
        #expect(UploadDocuments.filter(id: Fixtures.requestId) == ["_id": .objectId(Fixtures.requestId)])
        #expect(UploadDocuments.ownerFilter(ownerId: Fixtures.userId, kind: nil) == ["ownerId": .objectId(Fixtures.userId)])
        #expect(
            UploadDocuments.ownerFilter(ownerId: Fixtures.userId, kind: .avatar)
                == ["ownerId": .objectId(Fixtures.userId), "kind": "avatar"])
        #expect(UploadDocuments.listOptions == ["sort": ["createdAt": -1, "_id": -1]])
    }

    @Test func storedNamesAreUnique() {
        #expect(
            UploadDocuments.indexes.map(\.createCommand) == [
                ["createIndexes": "uploads", "indexes": [["key": ["storedName": 1], "name": "storedName_1", "unique": true]]],
                [
                    "createIndexes": "uploads",
                    "indexes": [["key": ["ownerId": 1, "kind": 1, "createdAt": -1, "_id": -1], "name": "ownerId_1_kind_1_createdAt_-1__id_-1"]],
                ],
                ["createIndexes": "uploads", "indexes": [["key": ["sha256": 1], "name": "sha256_1"]]],
            ])
        #expect(MongoSchema.collections.contains("uploads"))
    }
}
