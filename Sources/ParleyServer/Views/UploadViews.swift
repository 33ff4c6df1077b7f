import ParleyCore

/// One stored upload: `avatarUrl`, `imageUrl` or `fileUrl` (the key the client reads for
/// that route), `filename`, `originalName`, `size`, `mimeType` (detected), and `thumbnailUrl`
/// for images. `GET /api/upload/info` adds `fileUrl`, `kind`, `sha256`, `created` and
/// `modified`.
struct UploadView: Encodable, Sendable {
    let upload: Upload
    let baseURL: String
    var detailed = false

    private struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    private var urlKey: String {
        switch upload.kind {
        case .avatar: return "avatarUrl"
        case .image: return "imageUrl"
        case .file: return "fileUrl"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let url = UploadURLs.file(upload, baseURL: baseURL)
        try container.encode(url, forKey: Key(urlKey))
        try container.encode(upload.storedName, forKey: Key("filename"))
        try container.encode(upload.originalName, forKey: Key("originalName"))
        try container.encode(upload.size, forKey: Key("size"))
        try container.encode(upload.mimeType, forKey: Key("mimeType"))
        if let thumbnail = UploadURLs.thumbnail(upload, baseURL: baseURL) {
            try container.encode(thumbnail, forKey: Key("thumbnailUrl"))
        }
        guard detailed else { return }
        if upload.kind != .file { try container.encode(url, forKey: Key("fileUrl")) }
        try container.encode(upload.kind.rawValue, forKey: Key("kind"))
        try container.encode(upload.sha256, forKey: Key("sha256"))
        // Stored files never change, so both dates are the upload's.
        try container.encode(WireDate.string(upload.createdAt), forKey: Key("created"))
        try container.encode(WireDate.string(upload.createdAt), forKey: Key("modified"))
    }
}

/// `POST /api/upload/multiple`: `{files, count}` as the old server sent, plus `urls`, the
/// shape the Angular `ApiService` expects.
struct MultipleUploadView: Encodable, Sendable {
    let files: [UploadView]
    let count: Int
    let urls: [String]

    init(_ uploads: [Upload], baseURL: String) {
        files = uploads.map { UploadView(upload: $0, baseURL: baseURL) }
        count = uploads.count
        urls = uploads.map { UploadURLs.file($0, baseURL: baseURL) }
    }
}

/// `GET /api/upload/limits`: per route, the form field, how many files, the largest file
/// and the types accepted (as detected from the content).
struct UploadLimitsView: Encodable, Sendable {
    struct Route: Encodable, Sendable {
        let field: String
        let maxFiles: Int
        let maxFileSize: Int
        let maxFileSizeText: String
        let allowedTypes: [String]
        let allowedExtensions: [String]

        init(_ form: UploadForm, kind: UploadKind) {
            field = form.field
            maxFiles = form.maxFiles
            maxFileSize = form.maxFileBytes
            maxFileSizeText = UploadLimits.describe(bytes: form.maxFileBytes)
            allowedTypes = UploadFileType.allowed(for: kind).map(\.mimeType)
            allowedExtensions = UploadFileType.allowed(for: kind).map(\.fileExtension)
        }
    }

    let avatar: Route
    let image: Route
    let file: Route
    let multiple: Route
    let maxRequestSize: Int
}
