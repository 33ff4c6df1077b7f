import Foundation
import HTTPTypes
import NIOCore
import Testing

@testable import ParleyServer

@Suite("Upload settings from the environment")
struct UploadConfigurationTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-config-\(UUID().uuidString)")

    private var base: [String: String] {
        [
            "DATABASE_URL": "sqlite:\(folder.path)/p.sqlite", "JWT_SECRET": "access-secret-for-tests",
            "JWT_REFRESH_SECRET": "refresh-secret-for-tests",
        ]
    }

    @Test func limitsDefaultToTheOldServersAndCanBeSet() throws {
        let defaults = try AppConfiguration.load(from: base).uploadLimits
        #expect(defaults == UploadLimits(avatarBytes: 2 << 20, imageBytes: 5 << 20, fileBytes: 10 << 20, filesPerRequest: 5))
        #expect(defaults.requestBytes == 5 * (10 << 20) + (1 << 20))

        var env = base
        env["UPLOAD_AVATAR_MAX_BYTES"] = "4096"
        env["UPLOAD_FILE_MAX_BYTES"] = "1048576"
        env["UPLOAD_MAX_FILES"] = "2"
        let set = try AppConfiguration.load(from: env).uploadLimits
        #expect(set.avatarBytes == 4096)
        #expect(set.filesPerRequest == 2)
        #expect(set.requestBytes == 2 * (1 << 20) + (1 << 20))
        env["UPLOAD_REQUEST_MAX_BYTES"] = "65536"
        #expect(try AppConfiguration.load(from: env).uploadLimits.requestBytes == 65536)
    }

    @Test func badValuesStopStartUpNamingTheVariable() {
        for (name, value) in [("UPLOAD_MAX_FILES", "0"), ("UPLOAD_FILE_MAX_BYTES", "ten"), ("PUBLIC_URL", "files.example.com")] {
            var env = base
            env[name] = value
            let error = #expect(throws: ConfigurationError.self) { try AppConfiguration.load(from: env) }
            #expect(error?.variable == name)
        }
    }

    @Test func publicURLStartsEveryReturnedURL() async throws {
        try await TestApp.run(configure: { $0.publicURL = "https://chat.example.com" }) { api in
            let alice = try await api.register("alice")
            let response = try await api.upload(
                "/api/upload/file", token: alice.accessToken, parts: [.file("file", "a.txt", "text/plain", SampleFiles.text)])
            let url = try #require(response.data["fileUrl"] as? String)
            #expect(url.hasPrefix("https://chat.example.com/uploads/files/"))
            #expect(try await api.fetch(url).body == SampleFiles.text)
        }
    }

    @Test func onlyHTTPSIsTakenFromXForwardedProto() async throws {
        try await TestApp.run { api in
            let alice = try await api.register("alice")
            let boundary = "forged"
            var headers = HTTPFields()
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            headers[.authorization] = "Bearer \(alice.accessToken)"
            headers[HTTPField.Name("X-Forwarded-Proto")!] = "javascript"
            let body = FormPart.body([.file("file", "a.txt", "text/plain", SampleFiles.text)], boundary: boundary)
            let response = try await api.client.execute(
                uri: "/api/upload/file", method: .post, headers: headers, body: ByteBuffer(bytes: body))
            let text = String(buffer: response.body)
            #expect(text.contains("\"fileUrl\":\"http:\\/\\/"))
        }
    }
}
