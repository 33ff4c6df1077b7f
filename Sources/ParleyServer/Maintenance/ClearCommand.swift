import Logging

/// `clear-database`: removes every record of the configured store (and, when asked, the
/// uploaded files) and says how many of each it removed. The caller checks `ClearRefusal` first.
public enum ClearCommand {
    public static func run(includingUploads: Bool, configuration: AppConfiguration, logger: Logger) async throws -> [String] {
        let (engine, removed) = try await CommandRuntime.withStore(configuration, logger: logger) { store, _ in
            (store.engineName, try await store.removeAll())
        }
        var lines = ["cleared the \(engine) store:"]
        lines += removed.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value) removed" }
        if includingUploads {
            let files = try UploadFolderCleaner.clear(folder: configuration.uploadDirectory)
            lines.append("  uploads (\(configuration.uploadDirectory)): \(files) files removed, .gitkeep files kept")
        }
        return lines
    }
}
