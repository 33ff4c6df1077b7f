import ParleyCore

/// Which URLs a client may store in a field that names an upload (a message's `imageUrl` and
/// `fileUrl`, a user's or a group's `avatar`): only this server's own upload URLs,
/// `/uploads/{avatars|images|files}/<generated name>`, path-only or absolute under this
/// server's public base URL (http or https). Anything else — `javascript:`, `data:`, another
/// site — would be stored and then served to every member, so it is refused with 400.
///
/// `data:image/…` message images are refused here like any other non-http URL; turning them
/// into uploads is a step of its own that runs before this check and hands it the upload's URL.
/// Stored values are not re-checked (seeded and old data may hold foreign avatars): the rule is
/// for what clients send.
struct AttachmentURLPolicy: Sendable {
    /// `<scheme>://<host>[:port]` of this server as the caller reached it (`PublicBaseURL`).
    let baseURL: String

    /// A field that is absent (nil) or set; an empty string counts as no URL.
    func check(_ url: String?, field: String) throws {
        guard let url, !url.isEmpty else { return }
        guard isOwnUpload(url) else {
            throw DomainError.validation(
                "\(field) must be the URL of a file uploaded to this server (/uploads/…)",
                fields: [FieldError(field: field, message: "not an upload of this server")])
        }
    }

    /// A field that may be left alone (nil), cleared (null) or set.
    func check(change: String??, field: String) throws {
        if case .some(let value) = change { try check(value, field: field) }
    }

    /// The URLs of a message a client sends.
    func check(_ draft: MessageDraft) throws {
        try check(draft.imageUrl, field: "imageUrl")
        try check(draft.fileUrl, field: "fileUrl")
    }

    func isOwnUpload(_ url: String) -> Bool {
        guard let path = path(of: url) else { return false }
        let pieces = path.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 4, pieces[0].isEmpty, pieces[1] == "uploads", UploadKind(folder: String(pieces[2])) != nil else {
            return false
        }
        return UploadName.isGenerated(String(pieces[3]))
    }

    /// The path of a path-only URL, or of an absolute one on this server's host; nil otherwise.
    private func path(of url: String) -> Substring? {
        if url.hasPrefix("/") { return url[...] }
        guard let own = Self.authority(of: baseURL), let theirs = Self.authority(of: url) else { return nil }
        guard own.host.lowercased() == theirs.host.lowercased() else { return nil }
        return theirs.rest
    }

    /// `host[:port]` and what follows it, for http and https URLs only.
    private static func authority(of url: String) -> (host: Substring, rest: Substring)? {
        let lowered = url.prefix(8).lowercased()
        let schemeLength = lowered.hasPrefix("https://") ? 8 : lowered.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0 else { return nil }
        let afterScheme = url.dropFirst(schemeLength)
        let slash = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        return (afterScheme[..<slash], afterScheme[slash...])
    }
}
