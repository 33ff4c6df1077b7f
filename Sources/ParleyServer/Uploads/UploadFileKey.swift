import ParleyCore

/// A stored file's name within its kind: `images/<name>` on disk and in GridFS alike.
struct UploadFileKey: Sendable, Hashable {
    let kind: UploadKind
    let name: String

    /// The `<folder>/<name>` form, used as the GridFS file name.
    var path: String { "\(kind.folder)/\(name)" }
}
