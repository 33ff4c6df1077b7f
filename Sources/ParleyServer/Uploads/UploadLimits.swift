import ParleyCore

/// Size and count limits for multipart uploads, enforced while the body streams in. Set from
/// the `UPLOAD_*` variables (see README); the defaults are the old server's.
public struct UploadLimits: Sendable, Equatable {
    public var avatarBytes: Int
    public var imageBytes: Int
    public var fileBytes: Int
    /// Files in one request (`POST /api/upload/multiple`).
    public var filesPerRequest: Int
    /// The whole multipart body, parts and boundaries included.
    public var requestBytes: Int

    public init(
        avatarBytes: Int = 2 << 20, imageBytes: Int = 5 << 20, fileBytes: Int = 10 << 20, filesPerRequest: Int = 5,
        requestBytes: Int? = nil
    ) {
        self.avatarBytes = avatarBytes
        self.imageBytes = imageBytes
        self.fileBytes = fileBytes
        self.filesPerRequest = filesPerRequest
        // Room for every file at its limit plus the form's own fields and boundaries.
        self.requestBytes = requestBytes ?? (filesPerRequest * fileBytes + (1 << 20))
    }

    public func bytes(for kind: UploadKind) -> Int {
        switch kind {
        case .avatar: return avatarBytes
        case .image: return imageBytes
        case .file: return fileBytes
        }
    }

    /// "2 MB", "512 KB" or "1000 bytes": the limit as the 413 message names it.
    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }

    static func fileTooLarge(_ limit: Int) -> DomainError {
        .payloadTooLarge("File too large. Maximum size is \(describe(bytes: limit)).")
    }

    static func requestTooLarge(_ limit: Int) -> DomainError {
        .payloadTooLarge("Request body too large. Maximum is \(describe(bytes: limit)).")
    }

    static func tooManyFiles(_ limit: Int) -> DomainError {
        .payloadTooLarge("Too many files. Maximum is \(limit) \(limit == 1 ? "file" : "files") per request.")
    }
}
