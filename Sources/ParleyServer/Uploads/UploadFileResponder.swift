import Foundation
import Hummingbird

/// Answers `GET /uploads/<folder>/<name>` for a recorded file: the stored (detected) type,
/// `nosniff`, `attachment` for anything that is not an image (a PDF or text file is
/// downloaded, never rendered in Parley's origin), validators and cache headers, and single
/// byte ranges. The body streams from upload storage (disk or GridFS), never whole in memory.
struct UploadFileResponder: Sendable {
    /// A name never changes content (a new upload gets a new name), so caches may keep it;
    /// a day bounds how long a deleted file stays in them.
    static let cacheControl = "public, max-age=86400"

    let storage: any UploadStorage

    func response(for file: ServedFile, request: Request, context: some RequestContext) async throws -> Response {
        let tag = "\"\(file.upload.sha256.prefix(32))\(file.isThumbnail ? "-thumb" : "")\""
        var headers = HTTPFields()
        headers[.contentType] = file.upload.mimeType
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentDisposition] = Self.disposition(for: file)
        headers[.cacheControl] = Self.cacheControl
        headers[.eTag] = tag
        headers[.lastModified] = HTTPDate.string(file.upload.createdAt)
        headers[.acceptRanges] = "bytes"

        if Self.isNotModified(request, tag: tag, lastModified: file.upload.createdAt) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        // If-Range: a range of a version the client no longer has would be garbage; send it all.
        let rangeApplies = request.headers[.ifRange].map { $0 == tag } ?? true
        switch ByteRange(header: rangeApplies ? request.headers[.range] : nil, size: file.size) {
        case .whole:
            headers[.contentLength] = String(file.size)
            return Response(status: .ok, headers: headers, body: try await storage.body(of: file.stored, range: nil, context: context))
        case .part(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(file.size)"
            headers[.contentLength] = String(range.count)
            let body = try await storage.body(of: file.stored, range: range, context: context)
            return Response(status: .partialContent, headers: headers, body: body)
        case .unsatisfiable:
            var response = ErrorEnvelopeMiddleware<AppRequestContext>.response(
                status: 416, body: ErrorBody(message: "Range not satisfiable", code: "RANGE_NOT_SATISFIABLE", errors: nil))
            response.headers[.contentRange] = "bytes */\(file.size)"
            return response
        }
    }

    /// Images are shown inline; everything else downloads under the name it was uploaded with.
    static func disposition(for file: ServedFile) -> String {
        if UploadFileType.images.contains(where: { $0.mimeType == file.upload.mimeType }) { return "inline" }
        let name = file.upload.originalName
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: attributeCharacters) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// RFC 8187 attr-char: what may stand unencoded in `filename*`.
    private static let attributeCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")

    private static func isNotModified(_ request: Request, tag: String, lastModified: Date) -> Bool {
        if let match = request.headers[.ifNoneMatch] {
            return match == "*" || match.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") == tag }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            // HTTP dates have whole seconds.
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }
}
