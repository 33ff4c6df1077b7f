/// A stored file that does not hold the bytes its record promises.
enum UploadStorageError: Error, CustomStringConvertible {
    case truncated(key: String)

    var description: String {
        switch self {
        case .truncated(let key): return "stored upload \(key) is shorter than its recorded length"
        }
    }
}
