import Logging

/// `clear-database`: removes every record of the configured store (and, when asked, the
/// uploaded files) and says how many of each it removed. The caller checks `ClearRefusal` first.
/// Uploads kept in GridFS are part of the database, so they always go with it; files on disk
/// go only with `--uploads`.
public enum ClearCommand {
    public static func run(includingUploads: Bool, configuration: AppConfiguration, logger: Logger) async throws -> [String] {
        try await CommandRuntime.withStore(configuration, logger: logger) { store, threadPool in
            try UploadStorageFactory.check(configuration, store: store)
            var lines = ["cleared the \(store.engineName) store:"]
            let removed = try await store.removeAll()
            lines += removed.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value) removed" }
            let folder = UploadFolder(root: configuration.uploadDirectory, threadPool: threadPool)
            let storage = UploadStorageFactory.make(configuration.uploadStorage, store: store, folder: folder, logger: logger)
            switch configuration.uploadStorage {
            case .gridfs:
                lines.append("  uploads (GridFS): \(try await storage.removeAll()) files removed")
            case .disk where includingUploads:
                let files = try await storage.removeAll()
                lines.append("  uploads (\(configuration.uploadDirectory)): \(files) files removed, .gitkeep files kept")
            case .disk:
                break
            }
            return lines
        }
    }
}
