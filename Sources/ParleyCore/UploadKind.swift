/// The three kinds of upload. A kind decides the folder a file lands in, which types it
/// accepts and its size limit.
public enum UploadKind: String, Codable, Sendable, CaseIterable {
    case avatar
    case image
    case file

    /// The sub-folder of the upload root, as it also appears in `/uploads/<folder>/<name>`.
    public var folder: String {
        switch self {
        case .avatar: return "avatars"
        case .image: return "images"
        case .file: return "files"
        }
    }

    public init?(folder: String) {
        guard let kind = Self.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }
}
