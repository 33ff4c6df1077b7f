import MongoStore

/// A file found in upload storage: its size, and where its bytes are for the storage that
/// found it.
struct StoredUpload: Sendable {
    enum Location: Sendable {
        case disk(path: String)
        case gridFS(MongoFileBucket.File)
    }

    let size: Int
    let location: Location
}
