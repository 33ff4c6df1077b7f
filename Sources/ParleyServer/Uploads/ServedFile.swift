import ParleyCore

/// A stored file found for a `/uploads/…` request.
struct ServedFile: Sendable {
    let upload: Upload
    let path: String
    let size: Int
    /// The image's thumbnail rather than the image itself.
    let isThumbnail: Bool
}
