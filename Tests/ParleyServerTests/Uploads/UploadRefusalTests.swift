import Foundation
import Testing

@testable import ParleyServer

@Suite("Uploads refused by content and by size")
struct UploadRefusalTests {
    @Test func spoofedImagesAreRefusedWhateverTheyClaim() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let disguised: [(String, String, String, Data)] = [
                ("image", "photo.png", "image/png", try SampleFiles.executable()),
                ("image", "photo.png", "image/png", SampleFiles.html),
                ("image", "photo.png", "image/png", SampleFiles.shellScript),
                ("image", "logo.svg", "image/svg+xml", SampleFiles.svg),
                ("avatar", "me.jpg", "image/jpeg", SampleFiles.html),
                ("avatar", "me.svg", "image/svg+xml", SampleFiles.svg),
            ]
            for (field, name, type, data) in disguised {
                let response = try await api.upload("/api/upload/\(field)", token: alice.accessToken, parts: [.file(field, name, type, data)])
                #expect(response.status == 415, "\(field) \(name) over \(data.prefix(12).map { $0 })")
                #expect(response.message == "Only image files are allowed!")
                #expect(response.json["code"] as? String == "UNSUPPORTED_MEDIA_TYPE")
            }
            #expect(try await disk.everything().isEmpty)
        }
    }

    @Test func documentsRouteRefusesMarkupScriptsAndExecutables() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let refused: [(String, String, Data)] = [
                ("notes.txt", "text/plain", SampleFiles.html),
                ("drawing.png", "image/png", SampleFiles.svg),
                ("tool.pdf", "application/pdf", try SampleFiles.executable()),
                ("run.txt", "text/plain", SampleFiles.shellScript),
            ]
            for (name, type, data) in refused {
                let response = try await api.upload("/api/upload/file", token: alice.accessToken, parts: [.file("file", name, type, data)])
                #expect(response.status == 415, "\(name)")
                #expect(response.message == "File type not allowed!")
            }
            // One bad file refuses the whole request: nothing of it is kept.
            let mixed = try await api.upload(
                "/api/upload/multiple", token: alice.accessToken,
                parts: [.file("files", "ok.pdf", "application/pdf", SampleFiles.pdf), .file("files", "x.txt", "text/plain", SampleFiles.html)])
            #expect(mixed.status == 415)
            #expect(try await disk.everything().isEmpty)
        }
    }

    @Test func imageThatDoesNotDecodeIsRefused() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let png = try SampleFiles.image("png", width: 300, height: 300)
            let truncated = png.prefix(png.count / 2)
            let response = try await api.upload(
                "/api/upload/image", token: alice.accessToken, parts: [.file("image", "broken.png", "image/png", Data(truncated))])
            #expect(response.status == 415)
            #expect(response.message == "The image could not be decoded.")
            #expect(try await disk.everything().isEmpty)
        }
    }

    @Test func oversizeFilesAndBodiesAnswer413NamingTheLimit() async throws {
        let limits = UploadLimits(avatarBytes: 1024, imageBytes: 2048, fileBytes: 64 * 1024, filesPerRequest: 5, requestBytes: 200 * 1024)
        try await UploadTestApp.run(limits: limits) { api, disk in
            let alice = try await api.register("alice")
            let big = Data(repeating: UInt8(ascii: "a"), count: 100 * 1024)
            let file = try await api.upload("/api/upload/file", token: alice.accessToken, parts: [.file("file", "big.txt", "text/plain", big)])
            #expect(file.status == 413)
            #expect(file.message == "File too large. Maximum size is 64 KB.")

            // The size is checked as bytes arrive, before anything looks at the content.
            let avatar = try await api.upload("/api/upload/avatar", token: alice.accessToken, parts: [.file("avatar", "a.png", "image/png", big)])
            #expect(avatar.status == 413)
            #expect(avatar.message == "File too large. Maximum size is 1 KB.")

            let body = try await api.upload(
                "/api/upload/multiple", token: alice.accessToken,
                parts: (0..<4).map { .file("files", "\($0).txt", "text/plain", Data(repeating: UInt8(ascii: "b"), count: 60 * 1024)) })
            #expect(body.status == 413)
            #expect(body.message == "Request body too large. Maximum is 200 KB.")
            #expect(try await disk.everything().isEmpty)
        }
    }

    @Test func tooManyFilesOrTheWrongFieldAreRefused() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let six = (0..<6).map { FormPart.file("files", "\($0).txt", "text/plain", SampleFiles.text) }
            let many = try await api.upload("/api/upload/multiple", token: alice.accessToken, parts: six)
            #expect(many.status == 413)
            #expect(many.message == "Too many files. Maximum is 5 files per request.")

            let two = try await api.upload(
                "/api/upload/image", token: alice.accessToken,
                parts: (0..<2).map { _ in FormPart.file("image", "a.png", "image/png", SampleFiles.text) })
            #expect(two.status == 413)
            #expect(two.message == "Too many files. Maximum is 1 file per request.")

            let wrongField = try await api.upload(
                "/api/upload/file", token: alice.accessToken, parts: [.file("document", "a.txt", "text/plain", SampleFiles.text)])
            #expect(wrongField.status == 400)
            #expect(wrongField.message == "Unexpected field name.")
            #expect(try await disk.everything().isEmpty)
        }
    }
}
