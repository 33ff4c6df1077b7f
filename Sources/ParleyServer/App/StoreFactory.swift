import Logging
import MongoStore
import ParleyStore
import SQLiteStore

/// Opens the engine that `DATABASE_URL` names.
public enum StoreFactory {
    public static func open(_ location: StoreLocation, logger: Logger) async throws -> any Store {
        switch location {
        case .sqlite(let path):
            return try SQLiteStore(path: path)
        case .mongodb(let url):
            return try await MongoStore.connect(url: url, logger: logger)
        }
    }
}
