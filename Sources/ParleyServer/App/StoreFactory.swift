import Logging
import MongoStore
import ParleyStore
import SQLiteStore

/// Opens the engine that `DATABASE_URL` names.
public enum StoreFactory {
    public static func open(_ location: StoreLocation, logger: Logger) async throws -> any Store {
        switch location {
        case .sqlite(let path):
            let store = try SQLiteStore(path: path)
            for collision in store.keyCollisions {
                // The rows in the message itself, so that any log format shows them.
                logger.warning(
                    "Names that differ only in case share one key; all are kept, rename or remove all but one: \(collision)",
                    metadata: ["table": "\(collision.table)", "field": "\(collision.field)"])
            }
            return store
        case .mongodb(let url):
            return try await MongoStore.connect(url: url, logger: logger)
        }
    }
}
