import ParleyCore

/// The absolute URLs clients are given: `<base>/uploads/<folder>/<name>`, which the web
/// client puts straight into `<img src>`.
enum UploadURLs {
    static func file(_ upload: Upload, baseURL: String) -> String {
        "\(baseURL)/uploads/\(upload.kind.folder)/\(upload.storedName)"
    }

    static func thumbnail(_ upload: Upload, baseURL: String) -> String? {
        upload.thumbnailName.map { "\(baseURL)/uploads/\(upload.kind.folder)/\($0)" }
    }
}
