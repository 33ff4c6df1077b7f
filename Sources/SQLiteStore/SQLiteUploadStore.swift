import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Upload metadata in `uploads`.
struct SQLiteUploadStore: UploadStore {
    let pool: DatabasePool

    func insert(_ upload: Upload) async throws {
        try await pool.write { db in
            try SQLiteValues.mappingDuplicates {
                try db.execute(
                    sql: """
                        INSERT INTO uploads (id, ownerId, kind, storedName, thumbnailName, originalName, mimeType, size, sha256, createdAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        upload.id.hexString, upload.ownerId.hexString, upload.kind.rawValue, upload.storedName,
                        upload.thumbnailName, upload.originalName, upload.mimeType, upload.size, upload.sha256,
                        SQLiteValues.millis(upload.createdAt),
                    ])
            }
        }
    }

    func find(storedName: String) async throws -> Upload? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM uploads WHERE storedName = ?", arguments: [storedName])
                .map(Self.upload(from:))
        }
    }

    func list(ownerId: ObjectId, kind: UploadKind?) async throws -> [Upload] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM uploads WHERE ownerId = ? AND (? IS NULL OR kind = ?)
                    ORDER BY createdAt DESC, id DESC
                    """,
                arguments: [ownerId.hexString, kind?.rawValue, kind?.rawValue]
            ).map(Self.upload(from:))
        }
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM uploads WHERE id = ?", arguments: [id.hexString])
            return db.changesCount > 0
        }
    }

    static func upload(from row: Row) throws -> Upload {
        let kindName: String = try row.decode(String.self, forColumn: "kind")
        guard let kind = UploadKind(rawValue: kindName) else { throw StoreError.corrupt("uploads.kind is \(kindName)") }
        return Upload(
            id: try SQLiteValues.objectId(row, "id"),
            ownerId: try SQLiteValues.objectId(row, "ownerId"),
            kind: kind,
            storedName: try row.decode(String.self, forColumn: "storedName"),
            thumbnailName: try row.decode(String?.self, forColumn: "thumbnailName"),
            originalName: try row.decode(String.self, forColumn: "originalName"),
            mimeType: try row.decode(String.self, forColumn: "mimeType"),
            size: try row.decode(Int.self, forColumn: "size"),
            sha256: try row.decode(String.self, forColumn: "sha256"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")))
    }
}
