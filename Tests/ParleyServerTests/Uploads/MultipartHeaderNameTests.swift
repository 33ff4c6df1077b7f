import Foundation
import HTTPTypes
import NIOCore
import Testing

@testable import ParleyServer

/// Found by schemathesis (scripts/test-openapi --long): a byte above 0x7F in a part's header
/// name made MultipartKit's parser index past its 128-entry table and trap, killing the server.
@Suite("Multipart header names")
struct MultipartHeaderNameTests {
    @Test func nonASCIIHeaderNameIsA400AndTheServerKeepsServing() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let boundary = "89472885e97da2782b0733cbac3a22b5"
            // The body schemathesis sent: a part whose first header line starts with 0xC3 0x9E.
            var body = Data("--\(boundary)\r\n".utf8)
            body.append(contentsOf: [0xC3, 0x9E, 0xF2, 0x94, 0x8E, 0xA7, 0x77])
            body.append(Data("\r\n--\(boundary)--\r\n".utf8))
            let response = try await Self.post(body, boundary: boundary, token: alice.accessToken, api: api)
            #expect(response.status == 400)
            #expect(response.message == "Malformed multipart body")
            #expect(response.json["code"] as? String == "VALIDATION_ERROR")
            let after = try await api.send(.get, "/api/auth/me", token: alice.accessToken)
            #expect(after.status == 200)
            #expect(try await disk.everything().isEmpty)
        }
    }

    @Test func nonASCIIInHeaderValuesAndFileContentsIsStillAccepted() async throws {
        try await UploadTestApp.run { api, _ in
            let alice = try await api.register("alice")
            // UTF-8 in the filename (a header value) and bytes above 0x7F in the contents, with a
            // CR-LF and a near-boundary inside the file: none of it is a header name.
            let contents = Data("notes: é ü ß\r\n--not-the-boundary\r\n".utf8)
            let response = try await api.upload(
                "/api/upload/file", token: alice.accessToken, parts: [.file("file", "résumé.txt", "text/plain", contents)])
            #expect(response.status == 200)
            #expect((response.data["fileUrl"] as? String)?.contains("/uploads/files/") == true)
        }
    }

    @Test func guardFollowsTheParserAcrossPartsAndChunks() throws {
        let boundary = "b0undary"
        let good = Data("--b0undary\r\nContent-Disposition: form-data; name=\"a\"; filename=\"é\"\r\n\r\n\u{00e9}\r\n--b0undary\r\nX-Y: z\r\n\r\nbody\r\n--b0undary--\r\n".utf8)
        for size in [1, 3, 7, good.count] {
            var headerGuard = MultipartHeaderGuard(boundary: boundary)
            for start in stride(from: 0, to: good.count, by: size) {
                try headerGuard.check(good[start..<min(good.count, start + size)])
            }
        }
        // The same body with a non-ASCII byte at the start of the second part's header name.
        var bad = good
        let second = try #require(bad.range(of: Data("X-Y".utf8)))
        bad[second.lowerBound] = 0xC3
        var headerGuard = MultipartHeaderGuard(boundary: boundary)
        #expect(throws: MultipartHeaderGuard.Malformed.self) { try headerGuard.check(bad) }
    }

    /// Posts raw multipart bytes to the file route.
    static func post(_ body: Data, boundary: String, token: String, api: APIClient) async throws -> APIResponse {
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        headers[.authorization] = "Bearer \(token)"
        let response = try await api.client.execute(uri: "/api/upload/file", method: .post, headers: headers, body: ByteBuffer(bytes: body))
        let text = String(buffer: response.body)
        let parsed = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return APIResponse(status: Int(response.status.code), headers: response.headers, text: text, json: parsed)
    }
}
