/// `UPLOAD_STORAGE`: where accepted uploads are kept.
public enum UploadStorageKind: String, Sendable, Equatable {
    /// `UPLOAD_DIR` on this machine.
    case disk
    /// The MongoDB database's GridFS bucket, shared by every node of a cluster.
    case gridfs

    /// GridFS on MongoDB (so that a cluster needs no shared disk), the disk on SQLite.
    static func defaultKind(for store: StoreLocation) -> UploadStorageKind {
        if case .mongodb = store { return .gridfs }
        return .disk
    }

    /// Reads `UPLOAD_STORAGE`; GridFS needs MongoDB.
    static func parse(_ text: String?, store: StoreLocation) throws -> UploadStorageKind {
        guard let text else { return defaultKind(for: store) }
        guard let kind = UploadStorageKind(rawValue: text.lowercased()) else {
            throw ConfigurationError(variable: "UPLOAD_STORAGE", problem: "must be gridfs or disk (got \"\(text)\")")
        }
        try kind.check(store: store)
        return kind
    }

    func check(store: StoreLocation) throws {
        if self == .gridfs, case .sqlite = store {
            throw ConfigurationError(
                variable: "UPLOAD_STORAGE", problem: "gridfs needs a MongoDB DATABASE_URL (mongodb://…); use disk with SQLite")
        }
    }
}
