import Foundation
import Testing

@Suite("Avatar uploads")
struct AvatarUploadTests {
    @Test func avatarComesBackSquareWithoutEXIFAndBecomesTheUsersAvatar() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let photo = try SampleFiles.jpegWithEXIF(width: 400, height: 300)
            #expect(ImageInspection.jpegHasEXIF(photo))

            let response = try await api.upload(
                "/api/upload/avatar", token: alice.accessToken,
                parts: [.file("avatar", "holiday.jpg", "image/jpeg", photo), .text("userId", alice.id)])
            #expect(response.status == 200)
            #expect(response.message == "Avatar uploaded successfully")
            let avatarURL = try #require(response.data["avatarUrl"] as? String)
            let filename = try #require(response.data["filename"] as? String)
            #expect(avatarURL.hasPrefix("http://"))
            #expect(avatarURL.hasSuffix("/uploads/avatars/\(filename)"))
            #expect(filename.hasSuffix(".jpg"))
            #expect(!filename.contains("holiday"))

            let served = try await api.fetch(avatarURL)
            #expect(served.status == 200)
            #expect(served.headers[.contentType] == "image/jpeg")
            let size = try #require(ImageInspection.jpegSize(served.body))
            #expect(size.width == 256 && size.height == 256)
            #expect(!ImageInspection.jpegHasEXIF(served.body))
            #expect(served.body.range(of: Data(SampleFiles.cameraMake.utf8)) == nil)

            let lookup = try await api.send(.get, "/api/users/\(alice.id)/avatar")
            #expect(lookup.data["avatar"] as? String == avatarURL)
        }
    }

    @Test func aNewAvatarReplacesTheOldFile() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let (first, _) = try await api.uploadImage(
                "/api/upload/avatar", field: "avatar", token: alice.accessToken, format: "jpg", width: 100, height: 100)
            let firstURL = try #require(first.data["avatarUrl"] as? String)

            let (second, _) = try await api.uploadImage(
                "/api/upload/avatar", field: "avatar", token: alice.accessToken, format: "png", width: 64, height: 48)
            #expect(second.status == 200)
            let secondURL = try #require(second.data["avatarUrl"] as? String)
            #expect(secondURL.hasSuffix(".png"))

            // Small images are scaled up to the square too.
            let served = try await api.fetch(secondURL)
            let size = try #require(ImageInspection.pngSize(served.body))
            #expect(size.width == 256 && size.height == 256)

            #expect(try await api.fetch(firstURL).status == 404)
            #expect(try await disk.files(in: "avatars") == [try #require(second.data["filename"] as? String)])
            #expect(try await api.send(.get, "/api/users/\(alice.id)/avatar").data["avatar"] as? String == secondURL)
        }
    }

    @Test func deletingTheShownAvatarClearsIt() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let (uploaded, _) = try await api.uploadImage(
                "/api/upload/avatar", field: "avatar", token: alice.accessToken, format: "gif", width: 30, height: 30)
            let filename = try #require(uploaded.data["filename"] as? String)
            #expect(filename.hasSuffix(".gif"))

            let deleted = try await api.send(.delete, "/api/upload/\(filename)", token: alice.accessToken)
            #expect(deleted.status == 200)
            #expect(deleted.message == "File deleted successfully")
            #expect(try await disk.files(in: "avatars").isEmpty)
            let lookup = try await api.send(.get, "/api/users/\(alice.id)/avatar")
            #expect(lookup.data["avatar"] is NSNull)
        }
    }

    @Test func missingOrNonMultipartAvatarIsABadRequest() async throws {
        try await UploadTestApp.run { api, disk in
            let alice = try await api.register("alice")
            let empty = try await api.upload("/api/upload/avatar", token: alice.accessToken, parts: [.text("userId", alice.id)])
            #expect(empty.status == 400)
            #expect(empty.message == "No avatar file provided")
            let json = try await api.send(.post, "/api/upload/avatar", token: alice.accessToken, json: ["avatar": "x"])
            #expect(json.status == 400)
            #expect(try await api.upload("/api/upload/avatar", token: nil, parts: []).status == 401)
            #expect(try await disk.everything().isEmpty)
        }
    }
}
