import Foundation
import HTTPTypes
import NIOCore

/// A response whose body is kept as bytes (files are not JSON).
struct RawResponse: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: Data
}

extension APIClient {
    /// Posts a multipart form, returning the JSON answer.
    func upload(_ path: String, token: String?, parts: [FormPart]) async throws -> APIResponse {
        let boundary = "parley-test-\(UUID().uuidString)"
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(
            uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: FormPart.body(parts, boundary: boundary)))
        let text = String(buffer: response.body)
        let parsed = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return APIResponse(status: Int(response.status.code), headers: response.headers, text: text, json: parsed)
    }

    /// GETs a path (or the path of an absolute URL the server returned) and keeps the bytes.
    func fetch(_ pathOrURL: String, token: String? = nil, headers extra: HTTPFields = [:]) async throws -> RawResponse {
        let path = URL(string: pathOrURL).flatMap { $0.scheme == nil ? nil : $0.path } ?? pathOrURL
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: path, method: .get, headers: headers, body: nil)
        return RawResponse(status: Int(response.status.code), headers: response.headers, body: Data(response.body.readableBytesView))
    }
}

extension APIClient {
    /// Uploads a generated `format` image (png, jpg, gif, webp) to `route` in `field`; returns
    /// the answer and the bytes sent.
    func uploadImage(
        _ route: String, field: String, token: String, format: String, width: Int, height: Int
    ) async throws -> (response: APIResponse, sent: Data) {
        let image = try SampleFiles.image(format, width: width, height: height)
        let response = try await upload(route, token: token, parts: [.file(field, "picture.\(format)", "image/\(format)", image)])
        return (response, image)
    }
}
