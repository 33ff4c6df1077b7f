import Hummingbird

extension AttachmentURLPolicy {
    /// The policy for URLs sent in `request`: this server's base as that request reached it.
    init(_ request: Request, publicURL: String?) {
        self.init(baseURL: PublicBaseURL.of(request, configured: publicURL))
    }
}
