import ParleyCore

/// A type Parley accepts, keyed by the MIME type libmagic reports for the content. The stored
/// file's extension comes from here, never from the client's file name.
struct UploadFileType: Sendable, Equatable {
    let mimeType: String
    let fileExtension: String
    /// Decoded (and re-encoded) by libvips; shown inline when served.
    let isImage: Bool

    static let images: [UploadFileType] = [
        UploadFileType(mimeType: "image/jpeg", fileExtension: "jpg", isImage: true),
        UploadFileType(mimeType: "image/png", fileExtension: "png", isImage: true),
        UploadFileType(mimeType: "image/gif", fileExtension: "gif", isImage: true),
        UploadFileType(mimeType: "image/webp", fileExtension: "webp", isImage: true),
    ]

    /// Images plus PDF, plain text, office documents (Microsoft and OpenDocument) and ZIP.
    /// Everything else — SVG, HTML, scripts, executables, unknown binaries — is refused.
    static let documents: [UploadFileType] =
        images + [
            ("application/pdf", "pdf"),
            ("text/plain", "txt"),
            ("application/msword", "doc"),
            ("application/vnd.ms-excel", "xls"),
            ("application/vnd.ms-powerpoint", "ppt"),
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            ("application/vnd.oasis.opendocument.text", "odt"),
            ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            ("application/vnd.oasis.opendocument.presentation", "odp"),
            ("application/zip", "zip"),
        ].map { UploadFileType(mimeType: $0.0, fileExtension: $0.1, isImage: false) }

    /// The types a kind of upload accepts.
    static func allowed(for kind: UploadKind) -> [UploadFileType] {
        kind == .file ? documents : images
    }

    static func accepted(mimeType: String, for kind: UploadKind) -> UploadFileType? {
        allowed(for: kind).first { $0.mimeType == mimeType }
    }

    /// For files on disk without a record (left by the old server): the type their extension
    /// names if it is one Parley accepts, otherwise nil (served as a download).
    static func known(fileExtension: String) -> UploadFileType? {
        let lowercased = fileExtension.lowercased()
        if lowercased == "jpeg" { return images[0] }
        return documents.first { $0.fileExtension == lowercased }
    }
}
