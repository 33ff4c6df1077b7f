import Foundation
import Testing

@Suite("Upload info, deletion and traversal")
struct UploadAccessTests {
    /// Alice's PDF, uploaded for the test; returns its stored name.
    static func alicesFile(_ api: APIClient, _ alice: Account) async throws -> String {
        let response = try await api.upload(
            "/api/upload/file", token: alice.accessToken, parts: [.file("file", "plan.pdf", "application/pdf", SampleFiles.pdf)])
        guard let name = response.data["filename"] as? String else { throw TestFailure("upload failed: \(response.text)") }
        return name
    }

    @Test func ownerSeesInfoUnderEveryNameForm() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let name = try await Self.alicesFile(api, alice)
            for path in [
                "/api/upload/info/\(name)", "/api/upload/info/files%2F\(name)", "/api/upload/info/files/\(name)",
                "/api/upload/file-info?path=/uploads/files/\(name)",
            ] {
                let info = try await api.send(.get, path, token: alice.accessToken)
                #expect(info.status == 200, "\(path)")
                #expect(info.data["filename"] as? String == name)
                #expect(info.data["originalName"] as? String == "plan.pdf")
                #expect(info.data["mimeType"] as? String == "application/pdf")
                #expect(info.data["size"] as? Int == SampleFiles.pdf.count)
                #expect((info.data["sha256"] as? String)?.count == 64)
                #expect(info.data["created"] is String)
            }
            #expect(try await api.send(.get, "/api/upload/info/\(name)").status == 401)
            let missing = try await api.send(.get, "/api/upload/info/0123456789abcdef0123456789abcdef.pdf", token: alice.accessToken)
            #expect(missing.status == 404)
            #expect(missing.message == "File not found")
        }
    }

    @Test func anotherUserCannotSeeOrDeleteButAnAdminCan() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let bob = try await api.register("bob")
            let name = try await Self.alicesFile(api, alice)

            #expect(try await api.send(.get, "/api/upload/info/\(name)", token: bob.accessToken).status == 403)
            let refused = try await api.send(.delete, "/api/upload/\(name)", token: bob.accessToken)
            #expect(refused.status == 403)
            #expect(refused.message == "Insufficient permissions")
            let byBody = try await api.send(.delete, "/api/upload/file", token: bob.accessToken, json: ["filename": name])
            #expect(byBody.status == 403)
            #expect(try await disk.files(in: "files") == [name])
            #expect(try await api.fetch("/uploads/files/\(name)").status == 200)

            let root = try await api.loginAsRoot()
            #expect(try await api.send(.get, "/api/upload/info/\(name)", token: root.accessToken).status == 200)
            #expect(try await api.send(.delete, "/api/upload/files%2F\(name)", token: root.accessToken).status == 200)
            #expect(try await disk.files(in: "files").isEmpty)
            #expect(try await api.fetch("/uploads/files/\(name)").status == 404)
            #expect(try await api.send(.delete, "/api/upload/\(name)", token: alice.accessToken).status == 404)
        }
    }

    @Test func ownerDeletesWithTheClientsBodyForm() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let name = try await Self.alicesFile(api, alice)
            let deleted = try await api.send(
                .delete, "/api/upload/file", token: alice.accessToken, json: ["fileUrl": "http://localhost/uploads/files/\(name)"])
            #expect(deleted.status == 200)
            #expect(try await disk.everything().isEmpty)
        }
    }

    @Test func traversalAttemptsFailAndTouchNothing() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let root = try await api.loginAsRoot()
            let name = try await Self.alicesFile(api, alice)
            let secret = disk.root.appendingPathComponent("secret.txt")
            try Data("do not touch".utf8).write(to: secret)
            let outside = disk.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).txt")
            try Data("do not touch".utf8).write(to: outside)
            defer { try? FileManager.default.removeItem(at: outside) }

            let attempts = [
                "..%2Fsecret.txt", "files%2F..%2F..%2F\(outside.lastPathComponent)", "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                "%2Fetc%2Fpasswd", "\(name)%00.pdf", "files%2F\(name)%00", "..%5Csecret.txt", "%2e%2e%2fsecret.txt",
                "%252e%252e%252fsecret.txt", "images%2F..%2Ffiles%2F\(name)",
            ]
            for attempt in attempts {
                for token in [alice.accessToken, root.accessToken] {
                    let info = try await api.send(.get, "/api/upload/info/\(attempt)", token: token)
                    #expect([400, 404].contains(info.status), "info \(attempt): \(info.status)")
                    let delete = try await api.send(.delete, "/api/upload/\(attempt)", token: token)
                    #expect([400, 404].contains(delete.status), "delete \(attempt): \(delete.status)")
                }
                #expect([400, 404].contains(try await api.fetch("/uploads/files/\(attempt)").status), "static \(attempt)")
            }
            let body = try await api.send(.delete, "/api/upload/file", token: root.accessToken, json: ["path": "../secret.txt"])
            #expect(body.status == 400)
            #expect(try await api.fetch("/uploads/secret.txt").status == 404)
            #expect(try await api.fetch("/uploads/files/../secret.txt").status == 404)

            #expect(FileManager.default.fileExists(atPath: secret.path))
            #expect(FileManager.default.fileExists(atPath: outside.path))
            #expect(try await disk.files(in: "files") == [name])
            #expect(try await api.send(.get, "/api/upload/info/\(name)", token: alice.accessToken).status == 200)
        }
    }
}
