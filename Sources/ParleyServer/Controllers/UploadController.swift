import Hummingbird
import ParleyCore

/// `/api/upload` and the public `/uploads/<folder>/<name>` files.
struct UploadController: Sendable {
    let uploads: UploadService
    let reader: MultipartUploadReader
    let responder: UploadFileResponder
    /// `PUBLIC_URL`, when set, starts every returned URL.
    let publicURL: String?
    let bodyLimit: Int

    private var limits: UploadLimits { reader.limits }

    func avatar(_ request: Request, context: AppRequestContext) async throws -> Envelope<UploadView> {
        let principal = try context.requirePrincipal()
        let files = try await reader.read(request, accepting: .avatar(limits))
        guard let file = files.first else { throw DomainError.validation("No avatar file provided") }
        let baseURL = PublicBaseURL.of(request, configured: publicURL)
        let upload = try await uploads.setAvatar(file, principal: principal, baseURL: baseURL)
        return Envelope(data: UploadView(upload: upload, baseURL: baseURL), message: "Avatar uploaded successfully")
    }

    func image(_ request: Request, context: AppRequestContext) async throws -> Envelope<UploadView> {
        let upload = try await single(request, context: context, form: .image(limits), kind: .image, missing: "No image file provided")
        return Envelope(data: UploadView(upload: upload, baseURL: PublicBaseURL.of(request, configured: publicURL)), message: "Image uploaded successfully")
    }

    /// `POST /api/upload/file`, and `POST /api/upload` (the Angular `ApiService.uploadFile`).
    func file(_ request: Request, context: AppRequestContext) async throws -> Envelope<UploadView> {
        let upload = try await single(request, context: context, form: .file(limits), kind: .file, missing: "No file provided")
        return Envelope(data: UploadView(upload: upload, baseURL: PublicBaseURL.of(request, configured: publicURL)), message: "File uploaded successfully")
    }

    func multiple(_ request: Request, context: AppRequestContext) async throws -> Envelope<MultipleUploadView> {
        let principal = try context.requirePrincipal()
        let files = try await reader.read(request, accepting: .multiple(limits))
        guard !files.isEmpty else { throw DomainError.validation("No files provided") }
        let stored = try await uploads.save(files, kind: .file, principal: principal)
        return Envelope(
            data: MultipleUploadView(stored, baseURL: PublicBaseURL.of(request, configured: publicURL)), message: "Files uploaded successfully")
    }

    /// `GET /api/upload/info/<name>` (also `info/<folder>/<name>`, and the name may carry its
    /// folder percent-encoded). No message on success, as the old server sent none.
    func info(_ request: Request, context: AppRequestContext) async throws -> Envelope<UploadView> {
        try await describe(Self.name(in: context), request: request, context: context)
    }

    /// `GET /api/upload/file-info?path=` (the Angular upload service): a name, a folder path or
    /// a whole upload URL.
    func fileInfo(_ request: Request, context: AppRequestContext) async throws -> Envelope<UploadView> {
        guard let path = request.queryString("path") ?? request.queryString("filename") else {
            throw DomainError.validation("path is required")
        }
        return try await describe(path, request: request, context: context)
    }

    func limitsInfo(_ request: Request, context: AppRequestContext) async throws -> Envelope<UploadLimitsView> {
        Envelope(
            data: UploadLimitsView(
                avatar: .init(.avatar(limits), kind: .avatar), image: .init(.image(limits), kind: .image),
                file: .init(.file(limits), kind: .file), multiple: .init(.multiple(limits), kind: .file),
                maxRequestSize: limits.requestBytes))
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        try await uploads.delete(Self.name(in: context), principal: try context.requirePrincipal())
        return MessageEnvelope(message: "File deleted successfully")
    }

    /// `DELETE /api/upload/file` with `{filename}` (or `path`, `url`, `fileUrl`) in a JSON body,
    /// as the Angular upload service sends it.
    func deleteNamedInBody(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        for key in ["filename", "path", "url", "fileUrl"] {
            guard let name = try body.trimmedString(key) else { continue }
            try await uploads.delete(name, principal: principal)
            return MessageEnvelope(message: "File deleted successfully")
        }
        throw UploadName.notFound
    }

    /// `GET /uploads/<folder>/<name>`: public, since the web client shows uploads with
    /// `<img src>`, which sends no token. Also `GET /api/upload/static/…` behind a token.
    func serve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let file = try await uploads.servedFile(folder: context.parameters.get("folder") ?? "", name: context.parameters.get("name") ?? "")
        return try await responder.response(for: file, request: request, context: context)
    }

    private func single(
        _ request: Request, context: AppRequestContext, form: UploadForm, kind: UploadKind, missing: String
    ) async throws -> Upload {
        let principal = try context.requirePrincipal()
        guard let file = try await reader.read(request, accepting: form).first else { throw DomainError.validation(missing) }
        guard let upload = try await uploads.save([file], kind: kind, principal: principal).first else {
            throw DomainError.validation(missing)
        }
        return upload
    }

    private func describe(_ name: String, request: Request, context: AppRequestContext) async throws -> Envelope<UploadView> {
        let upload = try await uploads.find(name, principal: try context.requirePrincipal())
        return Envelope(data: UploadView(upload: upload, baseURL: PublicBaseURL.of(request, configured: publicURL), detailed: true))
    }

    /// The path after the route's prefix: a name, or a folder and a name.
    private static func name(in context: AppRequestContext) -> String {
        context.parameters.getCatchAll().joined(separator: "/")
    }
}
