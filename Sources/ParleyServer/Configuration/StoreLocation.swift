/// Where the data lives, parsed from `DATABASE_URL`.
public enum StoreLocation: Sendable, Equatable {
    /// `sqlite:<path>` (relative paths are relative to the working directory).
    case sqlite(path: String)
    /// `mongodb://…` or `mongodb+srv://…`, passed to libmongoc as it is.
    case mongodb(url: String)

    public static let defaultURL = "sqlite:./data/parley.sqlite"

    public init(url: String) throws {
        if url.hasPrefix("mongodb://") || url.hasPrefix("mongodb+srv://") {
            self = .mongodb(url: url)
        } else if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            // Accept sqlite:///abs/path and sqlite://./rel as well as sqlite:path.
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else {
                throw ConfigurationError(variable: "DATABASE_URL", problem: "names no SQLite file (expected sqlite:<path>)")
            }
            self = .sqlite(path: path)
        } else {
            throw ConfigurationError(
                variable: "DATABASE_URL", problem: "must start with sqlite: or mongodb:// (got \"\(url)\")")
        }
    }

    /// The folder holding the database itself, when it is on this machine (SQLite).
    public var localDataFolder: String? {
        if case .sqlite = self { return dataFolder }
        return nil
    }

    /// The folder for files Parley keeps beside its data (the development secrets).
    public var dataFolder: String {
        switch self {
        case .sqlite(let path):
            let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            return folder.isEmpty ? "." : folder
        case .mongodb:
            return "./data"
        }
    }
}
