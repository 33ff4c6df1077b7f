import Foundation
import HTTPTypes
import Testing

@Suite("Image and file uploads, and serving them")
struct FileUploadTests {
    @Test func imageIsStoredAsSentWithAThumbnailAndServedInline() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let png = try SampleFiles.image("png", width: 800, height: 600)
            // The declared type is wrong on purpose: only the content counts.
            let response = try await api.upload(
                "/api/upload/image", token: alice.accessToken, parts: [.file("image", "diagram.PNG", "application/octet-stream", png)])
            #expect(response.status == 200)
            #expect(response.message == "Image uploaded successfully")
            #expect(response.data["originalName"] as? String == "diagram.PNG")
            #expect(response.data["mimeType"] as? String == "image/png")
            #expect(response.data["size"] as? Int == png.count)
            let imageURL = try #require(response.data["imageUrl"] as? String)
            let thumbnailURL = try #require(response.data["thumbnailUrl"] as? String)
            #expect(imageURL.contains("/uploads/images/") && imageURL.hasSuffix(".png"))

            let image = try await api.fetch(imageURL)
            #expect(image.status == 200)
            #expect(image.body == png)
            #expect(image.headers[.contentType] == "image/png")
            #expect(image.headers[.xContentTypeOptions] == "nosniff")
            #expect(image.headers[.contentDisposition] == "inline")
            #expect(image.headers[.cacheControl]?.contains("max-age") == true)
            #expect(image.headers[.lastModified] != nil)
            #expect(image.headers[.acceptRanges] == "bytes")

            let thumbnail = try await api.fetch(thumbnailURL)
            let size = try #require(ImageInspection.pngSize(thumbnail.body))
            #expect(size.width == 320 && size.height == 240)
            #expect(try await disk.files(in: "images").count == 2)
        }
    }

    @Test func servingHonoursValidatorsAndRanges() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let (response, jpeg) = try await api.uploadImage(
                "/api/upload/image", field: "image", token: alice.accessToken, format: "jpg", width: 200, height: 100)
            let url = try #require(response.data["imageUrl"] as? String)
            let full = try await api.fetch(url)
            let tag = try #require(full.headers[.eTag])

            let unchanged = try await api.fetch(url, headers: [.ifNoneMatch: tag])
            #expect(unchanged.status == 304)
            #expect(unchanged.body.isEmpty)

            // Out-of-range date fields make the header invalid, so it is ignored (RFC 9110 §13.1.3)
            // rather than read as a date centuries ahead.
            for bogus in ["Sun, 06 Nov 99999 08:49:37 GMT", "Sun, 06 Nov 1994 99999999:49:37 GMT"] {
                #expect(try await api.fetch(url, headers: [.ifModifiedSince: bogus]).status == 200, "\(bogus)")
            }
            #expect(try await api.fetch(url, headers: [.ifModifiedSince: "Sun, 06 Nov 9999 08:49:37 GMT"]).status == 304)

            let part = try await api.fetch(url, headers: [.range: "bytes=0-9"])
            #expect(part.status == 206)
            #expect(part.body == jpeg.prefix(10))
            #expect(part.headers[.contentRange] == "bytes 0-9/\(jpeg.count)")

            let tail = try await api.fetch(url, headers: [.range: "bytes=-4"])
            #expect(tail.status == 206)
            #expect(tail.body == jpeg.suffix(4))

            let huge = try await api.fetch(url, headers: [.range: "bytes=0-9223372036854775807"])
            #expect(huge.status == 206)
            #expect(huge.body == jpeg)

            let beyond = try await api.fetch(url, headers: [.range: "bytes=\(jpeg.count + 10)-"])
            #expect(beyond.status == 416)
            #expect(beyond.headers[.contentRange] == "bytes */\(jpeg.count)")

            // Readable without a token (the web client uses <img src>); the API copy needs one.
            #expect(try await api.fetch(url.replacingOccurrences(of: "/uploads/", with: "/api/upload/static/")).status == 401)
            let path = try #require(URL(string: url)?.path)
            #expect(try await api.fetch("/api/upload/static" + path.dropFirst("/uploads".count), token: alice.accessToken).status == 200)
        }
    }

    @Test func documentsAreStoredUnderTheDetectedTypeAndServedAsDownloads() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let pdf = try await api.upload(
                "/api/upload/file", token: alice.accessToken, parts: [.file("file", "report.pdf", "application/pdf", SampleFiles.pdf)])
            #expect(pdf.status == 200)
            #expect(pdf.message == "File uploaded successfully")
            #expect(pdf.data["mimeType"] as? String == "application/pdf")
            let pdfURL = try #require(pdf.data["fileUrl"] as? String)
            #expect(pdfURL.contains("/uploads/files/") && pdfURL.hasSuffix(".pdf"))
            let served = try await api.fetch(pdfURL)
            #expect(served.body == SampleFiles.pdf)
            #expect(served.headers[.contentType] == "application/pdf")
            #expect(served.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"report.pdf\"") == true)

            // Plain text claiming to be HTML is stored and served as the text it is.
            let text = try await api.upload(
                "/api/upload", token: alice.accessToken, parts: [.file("file", "page.html", "text/html", SampleFiles.text)])
            #expect(text.status == 200)
            #expect(text.data["mimeType"] as? String == "text/plain")
            let textURL = try #require(text.data["fileUrl"] as? String)
            #expect(textURL.hasSuffix(".txt"))
            #expect(try await api.fetch(textURL).headers[.contentType] == "text/plain")
            #expect(try await disk.files(in: "files").count == 2)
        }
    }

    @Test func severalFilesInOneRequest() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let response = try await api.upload(
                "/api/upload/multiple", token: alice.accessToken,
                parts: [
                    .file("files", "a.pdf", "application/pdf", SampleFiles.pdf), .text("type", "document"),
                    .file("files", "b.txt", "text/plain", SampleFiles.text),
                    .file("files", "c.webp", "image/webp", try SampleFiles.image("webp", width: 20, height: 20)),
                ])
            #expect(response.status == 200)
            #expect(response.message == "Files uploaded successfully")
            #expect(response.data["count"] as? Int == 3)
            let files = try #require(response.data["files"] as? [[String: Any]])
            #expect(files.map { $0["originalName"] as? String } == ["a.pdf", "b.txt", "c.webp"])
            #expect(files.map { $0["mimeType"] as? String } == ["application/pdf", "text/plain", "image/webp"])
            #expect((response.data["urls"] as? [String])?.count == 3)
            #expect(try await disk.files(in: "files").count == 3)
            #expect(try await disk.files(in: ".tmp").isEmpty)
        }
    }

    @Test func limitsAreAdvertised() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let limits = try await api.send(.get, "/api/upload/limits", token: alice.accessToken)
            #expect(limits.status == 200)
            let avatar = try #require(limits.data["avatar"] as? [String: Any])
            #expect(avatar["maxFileSize"] as? Int == 2 << 20)
            #expect(avatar["maxFileSizeText"] as? String == "2 MB")
            #expect((avatar["allowedTypes"] as? [String])?.contains("image/svg+xml") == false)
            let multiple = try #require(limits.data["multiple"] as? [String: Any])
            #expect(multiple["maxFiles"] as? Int == 5)
            #expect((multiple["allowedTypes"] as? [String])?.contains("application/pdf") == true)
        }
    }
}
