import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Uploads: concurrent deletes and aborted bodies")
struct UploadRaceTests {
    /// Each delete on its own connection, so the server really handles them at once.
    static func delete(_ path: String, token: String, port: Int) async throws -> Int {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            let response = try await client.execute(TestClient.Request(path, method: .delete, headers: headers))
            return Int(response.status.code)
        }
    }

    @Test func ofConcurrentDeletesOfOneFileExactlyOneSucceeds() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let port = try #require(api.client.port)
            for round in 0..<5 {
                let name = try await UploadAccessTests.alicesFile(api, alice)
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<4 {
                        group.addTask { try await Self.delete("/api/upload/\(name)", token: alice.accessToken, port: port) }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(statuses.sorted() == [200, 404, 404, 404], "round \(round): \(statuses)")
                #expect(try await disk.files(in: "files").isEmpty)
                #expect(try await api.fetch("/uploads/files/\(name)").status == 404)
            }
        }
    }

    @Test func anUploadAbortedMidBodyIsLoggedAsSuchAndLeavesNoTemporaryFile() async throws {
        let logs = LogCapture()
        try await UploadTestApp.run(logs: logs) { api, disk in
            let alice = try await api.register("alice")
            let port = try #require(api.client.port)
            let boundary = "parley-abort-test"
            let partHead = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
            let head = [
                "POST /api/upload/file HTTP/1.1", "Host: localhost", "Authorization: Bearer \(alice.accessToken)",
                "Content-Type: multipart/form-data; boundary=\(boundary)", "Content-Length: \(2 << 20)", "", "",
            ].joined(separator: "\r\n")
            let connection = try RawTCPConnection(port: port)
            try connection.send(Data((head + partHead).utf8) + Data(repeating: 0x25, count: 64 * 1024))

            // The body is being received into a temporary file when the client goes away.
            let deadline = ContinuousClock.now + .seconds(10)
            while try await disk.files(in: ".tmp").isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            #expect(try await disk.files(in: ".tmp").count == 1)
            connection.reset()

            let entry = try await logs.next(containing: "upload aborted by client")
            #expect(entry.level <= .notice)
            #expect(logs.entries.filter { $0.level >= .error }.isEmpty, "\(logs.entries.map { "\($0.level) \($0.message)" })")
            let emptied = ContinuousClock.now + .seconds(10)
            while try await !disk.files(in: ".tmp").isEmpty && ContinuousClock.now < emptied { try await Task.sleep(for: .milliseconds(10)) }
            let left = try await disk.everything()
            #expect(left.isEmpty, "\(left)")

            #expect(try await api.send(.get, "/health").status == 200)
            let after = try await api.upload(
                "/api/upload/file", token: alice.accessToken, parts: [.file("file", "plan.pdf", "application/pdf", SampleFiles.pdf)])
            #expect(after.status == 200, "\(after.text)")
        }
    }
}
