import ParleyCore

/// A stored file found for a `/uploads/…` request.
struct ServedFile: Sendable {
    let upload: Upload
    let stored: StoredUpload
    /// The image's thumbnail rather than the image itself.
    let isThumbnail: Bool

    var size: Int { stored.size }
}
