/// What one upload route accepts from a multipart form: files in one field, how many, and
/// how large each may be. Other fields (the client sends `type` and `userId`) are ignored.
struct UploadForm: Sendable {
    let field: String
    let maxFiles: Int
    let maxFileBytes: Int
}

extension UploadForm {
    static func avatar(_ limits: UploadLimits) -> UploadForm {
        UploadForm(field: "avatar", maxFiles: 1, maxFileBytes: limits.avatarBytes)
    }

    static func image(_ limits: UploadLimits) -> UploadForm {
        UploadForm(field: "image", maxFiles: 1, maxFileBytes: limits.imageBytes)
    }

    static func file(_ limits: UploadLimits) -> UploadForm {
        UploadForm(field: "file", maxFiles: 1, maxFileBytes: limits.fileBytes)
    }

    static func multiple(_ limits: UploadLimits) -> UploadForm {
        UploadForm(field: "files", maxFiles: limits.filesPerRequest, maxFileBytes: limits.fileBytes)
    }
}
