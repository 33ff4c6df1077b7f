import Logging
import MongoStore
import NIOPosix
import ParleyStore

/// Chooses the upload storage that `UPLOAD_STORAGE` names, like `StoreFactory` the store.
enum UploadStorageFactory {
    /// GridFS needs the MongoDB store; `ApplicationBuilder` refuses other combinations before
    /// anything is served (see `check`), so the disk is only the answer for `disk`.
    static func make(
        _ kind: UploadStorageKind, store: any Store, folder: UploadFolder, logger: Logger
    ) -> any UploadStorage {
        if kind == .gridfs, let mongo = store.engine as? MongoStore {
            return GridFSUploadStorage(bucket: mongo.files, folder: folder, logger: logger)
        }
        return DiskUploadStorage(folder: folder)
    }

    static func check(_ configuration: AppConfiguration, store: any Store) throws {
        try configuration.uploadStorage.check(store: configuration.store)
        if configuration.uploadStorage == .gridfs, !(store.engine is MongoStore) {
            throw ConfigurationError(variable: "UPLOAD_STORAGE", problem: "gridfs needs the MongoDB store")
        }
    }
}
