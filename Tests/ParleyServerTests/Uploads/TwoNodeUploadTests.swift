import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import ParleyServer

/// Two Parley processes (nodes) on one MongoDB database, each with its own upload folder: a file
/// uploaded through one is in GridFS, so the other serves it with the same headers, the same
/// byte ranges and the same permission refusals. Needs MongoDB (scripts/test-mongo).
@Suite("Uploads served by either of two nodes (GridFS)")
struct TwoNodeUploadTests {
    /// Headers a client or cache acts on; both nodes must send the same values.
    static let comparedHeaders: [HTTPField.Name] = [
        .contentType, .contentLength, .eTag, .lastModified, .contentDisposition, .acceptRanges, .cacheControl,
        .xContentTypeOptions, .contentRange,
    ]
    /// Default GridFS chunk size: ranges are chosen to cross chunk boundaries.
    static let chunk = 255 * 1024

    @Test(.enabled(if: TestStore.mongoURL != nil, "needs PARLEY_TEST_MONGODB_URL (scripts/test-mongo)"))
    func aFileUploadedThroughOneNodeIsServedByTheOtherAlike() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("parley-two-nodes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let location = TestStore.location(folder: base)
        func node(_ id: String) -> AppConfiguration {
            var configuration = TestApp.configuration(folder: base.appendingPathComponent(id))
            configuration.store = location
            configuration.uploadStorage = .gridfs
            configuration.nodeID = id
            configuration.uploadDirectory = base.appendingPathComponent("\(id)/uploads").path
            return configuration
        }
        var logger = Logger(label: "parley-two-nodes")
        logger.logLevel = .warning
        do {
            let nodeA = try await ApplicationBuilder.build(configuration: node("nodeA"), logger: logger)
            let nodeB = try await ApplicationBuilder.build(configuration: node("nodeB"), logger: logger)
            try await nodeA.test(.live) { clientA in
                try await nodeB.test(.live) { clientB in
                    try await Self.exercise(
                        APIClient(client: clientA), APIClient(client: clientB),
                        stored: UploadDisk(root: base.appendingPathComponent("nodeB/uploads"), gridFS: Self.url(location)))
                }
            }
        } catch {
            await TestStore.discard(location)
            throw error
        }
        await TestStore.discard(location)
    }

    private static func url(_ location: StoreLocation) -> String? {
        if case .mongodb(let url) = location { return url }
        return nil
    }

    private static func exercise(_ a: APIClient, _ b: APIClient, stored: UploadDisk) async throws {
        let alice = try await a.register("alice")
        let bob = try await b.register("bob")
        // Three chunks and a bit, text (a download, not an image), different on every line.
        // (Commas in every line would read as CSV to libmagic, which files do not accept.)
        let sent = Data((0..<20_000).map { "Note \($0): bring the slides and the agenda.\n" }.joined().utf8)
        let uploaded = try await a.upload(
            "/api/upload/file", token: alice.accessToken, parts: [.file("file", "notes été.txt", "text/plain", sent)])
        let name = try #require(uploaded.data["filename"] as? String, "\(uploaded.text)")
        #expect(try await stored.files(in: "files") == [name], "in GridFS, and not on node B's disk")
        let path = "/uploads/files/\(name)"

        let whole = try await same(path, a, b)
        #expect(whole.status == 200)
        #expect(whole.body == sent)
        #expect(whole.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        for (header, lower, upper) in [
            ("bytes=0-9", 0, 9), ("bytes=\(chunk - 10)-\(chunk + 10)", chunk - 10, chunk + 10),
            ("bytes=\(chunk)-\(3 * chunk + 5)", chunk, 3 * chunk + 5), ("bytes=-100", sent.count - 100, sent.count - 1),
            ("bytes=\(sent.count - 7)-", sent.count - 7, sent.count - 1),
        ] {
            let part = try await same(path, a, b, headers: [.range: header])
            #expect(part.status == 206, "\(header)")
            #expect(part.headers[.contentRange] == "bytes \(lower)-\(upper)/\(sent.count)", "\(header)")
            #expect(part.body == sent.subdata(in: lower..<(upper + 1)), "\(header)")
        }
        let beyond = try await same(path, a, b, headers: [.range: "bytes=\(sent.count)-"])
        #expect(beyond.status == 416)
        let tag = try #require(whole.headers[.eTag])
        #expect(try await same(path, a, b, headers: [.ifNoneMatch: tag]).status == 304)

        // An image uploaded through B: it and its thumbnail are served by A alike.
        let (image, picture) = try await b.uploadImage(
            "/api/upload/image", field: "image", token: bob.accessToken, format: "png", width: 640, height: 480)
        let imageName = try #require(image.data["filename"] as? String, "\(image.text)")
        let shown = try await same("/uploads/images/\(imageName)", b, a)
        #expect(shown.status == 200 && shown.body == picture && shown.headers[.contentDisposition] == "inline")
        let thumbnail = try await same("/uploads/images/\(UploadName.thumbnail(of: imageName))", b, a)
        #expect(thumbnail.status == 200 && !thumbnail.body.isEmpty && thumbnail.body.count < picture.count)

        // Permissions are the record's, whichever node is asked.
        for node in [a, b] {
            #expect(try await node.send(.get, "/api/upload/info/\(name)", token: bob.accessToken).status == 403)
            #expect(try await node.send(.delete, "/api/upload/\(name)", token: bob.accessToken).status == 403)
            #expect(try await node.send(.get, "/api/upload/info/\(name)").status == 401)
        }
        #expect(try await b.send(.delete, "/api/upload/\(name)", token: alice.accessToken).status == 200)
        #expect(try await same(path, a, b).status == 404)
        #expect(try await stored.files(in: "files").isEmpty, "deleting through B removed the GridFS file")
        #expect(try await b.send(.delete, "/api/upload/\(imageName)", token: bob.accessToken).status == 200)
        #expect(try await stored.everything().isEmpty, "the image's thumbnail went with it")
    }

    /// GETs `path` from both nodes and checks they answer alike; returns the first answer.
    private static func same(_ path: String, _ first: APIClient, _ second: APIClient, headers: HTTPFields = [:]) async throws
        -> RawResponse
    {
        let one = try await first.fetch(path, headers: headers)
        let other = try await second.fetch(path, headers: headers)
        #expect(one.status == other.status, "\(path) \(headers)")
        if one.status < 400 {
            #expect(one.body == other.body, "\(path) \(headers)")
        } else {
            // Error envelopes: the same JSON, whatever order the encoder put the keys in.
            let parsed = try [one, other].map { try JSONSerialization.jsonObject(with: $0.body) as? NSDictionary }
            #expect(parsed[0] != nil && parsed[0] == parsed[1], "\(path) \(headers)")
        }
        for name in comparedHeaders {
            #expect(one.headers[name] == other.headers[name], "\(name) of \(path) \(headers)")
        }
        return one
    }
}
