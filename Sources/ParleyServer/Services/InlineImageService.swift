import ParleyCore

/// Step one of posting a message over HTTP, before anything looks at its URLs: the Angular chat
/// page puts the picked picture into the message itself, as a `data:image/…;base64,…` URL in
/// `imageUrl` (up to the image limit). The old server stored those megabytes of base64 in the
/// message; here the image is checked and stored like any `POST /api/upload/image`, owned by the
/// sender, and the message holds and broadcasts this server's URL of it instead.
struct InlineImageService: Sendable {
    let uploads: UploadService
    /// The largest JSON body of a route that carries such a message: an image at its limit in
    /// base64, plus the ordinary JSON limit for the rest of the message. Other routes keep the
    /// ordinary limit.
    let bodyLimit: Int

    init(uploads: UploadService, jsonBodyLimit: Int) {
        self.uploads = uploads
        self.bodyLimit = (uploads.limits.imageBytes + 2) / 3 * 4 + jsonBodyLimit
    }

    /// Runs `post` with `draft`, its data-URL image (when it has one) first replaced by the URL
    /// of a new upload. If the message is then refused, the upload is removed again.
    func posting<Posted>(
        _ draft: MessageDraft, principal: Principal, baseURL: String, _ post: (MessageDraft) async throws -> Posted
    ) async throws -> Posted {
        guard let imageUrl = draft.imageUrl, let image = try DataURL.image(from: imageUrl, maximumBytes: uploads.limits.imageBytes)
        else { return try await post(draft) }
        let upload = try await uploads.saveImage(image, originalName: "message-image", principal: principal)
        var converted = draft
        converted.imageUrl = UploadURLs.file(upload, baseURL: baseURL)
        do {
            return try await post(converted)
        } catch {
            await uploads.discard(upload)
            throw error
        }
    }
}
