import Foundation
import Testing

@testable import ParleyServer

/// Pictures the Angular chat page sends inside the message, as a `data:image/…;base64,…` URL in
/// `imageUrl` (`ChatComponent.uploadImageAndSendMessage`, and `createReply` for replies).
@Suite("Images sent inside messages")
struct MessageImageTests {
    static let jsonLimit = 1 << 20

    static func dataURL(_ type: String, _ bytes: Data) -> String {
        "data:\(type);base64,\(bytes.base64EncodedString())"
    }

    @Test func aPictureInsideTheMessageBecomesAnUploadOfTheSenderAndTheMessageKeepsItsURL() async throws {
        try await UploadTestApp.run(jsonBodyLimit: Self.jsonLimit) { api, disk in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let watcher = try await gateway.connect(world.spare)
            let png = try SampleFiles.noisePNG(width: 1250, height: 1250)
            #expect(png.count > 1_200_000, "the picture must be larger than the JSON limit once in base64")

            // As the chat page sends it: the group id as channelId, an empty text, type image.
            let posted = try await api.send(
                .post, "/api/messages", token: world.member.accessToken,
                json: ["channelId": gateway.target.groupId, "text": "", "type": "image", "imageUrl": Self.dataURL("image/png", png)])
            #expect(posted.status == 201, "\(posted.status) \(posted.text.prefix(300))")
            let imageUrl = try #require(posted.data["imageUrl"] as? String)
            #expect(imageUrl.hasPrefix("http://"))
            #expect(imageUrl.contains("/uploads/images/"))
            #expect(posted.data["type"] as? String == "image")

            let served = try await api.fetch(imageUrl)
            #expect(served.status == 200)
            #expect(served.headers[.contentType] == "image/png")
            #expect(served.body == png)
            #expect(try await disk.files(in: "images").count == 2, "the picture and its thumbnail")

            // The sender owns the upload; another member may see the picture but not manage it.
            let name = try #require(URL(string: imageUrl)?.lastPathComponent)
            let info = try await api.send(.get, "/api/upload/info/\(name)", token: world.member.accessToken)
            #expect(info.status == 200)
            #expect(info.data["mimeType"] as? String == "image/png")
            #expect(try await api.send(.get, "/api/upload/info/\(name)", token: world.spare.accessToken).status == 403)

            // Broadcast and stored with the URL, never the base64.
            let delivered = try await watcher.next("new_message")
            #expect((delivered.payload["message"] as? [String: Any])?["imageUrl"] as? String == imageUrl)
            let history = try await api.send(.get, "/api/messages/channel/\(gateway.target.groupId)", token: world.spare.accessToken)
            #expect((history.json["data"] as? [[String: Any]])?.last?["imageUrl"] as? String == imageUrl)

            // A picture in a reply takes the same way.
            let parentId = try #require(posted.data["_id"] as? String)
            let reply = try await api.send(
                .post, "/api/messages/\(parentId)/replies", token: world.spare.accessToken,
                json: ["channelId": gateway.target.groupId, "text": "nice", "type": "image", "imageUrl": Self.dataURL("image/png", png)])
            #expect(reply.status == 201, "\(reply.status) \(reply.text.prefix(300))")
            let replyImage = try #require((reply.data["message"] as? [String: Any])?["imageUrl"] as? String)
            #expect(replyImage.contains("/uploads/images/"))
            #expect(replyImage != imageUrl)
            let replyName = try #require(URL(string: replyImage)?.lastPathComponent)
            #expect(try await api.send(.get, "/api/upload/info/\(replyName)", token: world.spare.accessToken).status == 200)
            await watcher.close()
        }
    }

    @Test func aDataURLThatIsNotAnAllowedImageIsRefusedAndLeavesNothingBehind() async throws {
        try await UploadTestApp.run(jsonBodyLimit: Self.jsonLimit) { api, disk in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let cases: [(String, Int)] = [
                (Self.dataURL("image/png", SampleFiles.html), 415),
                (Self.dataURL("image/svg+xml", SampleFiles.svg), 415),
                (Self.dataURL("image/gif", SampleFiles.shellScript), 415),
                ("data:text/html,<script>alert(document.cookie)</script>", 415),
                (Self.dataURL("text/plain", try SampleFiles.image("png", width: 8, height: 8)), 415),
                ("data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3E%3C%2Fsvg%3E", 415),
                ("data:image/png;base64,this is not base64!", 400),
                ("data:image/png;base64", 400),
                ("data:image/png;base64,", 400),
                ("data:image/png,%zz", 400),
            ]
            for (imageUrl, status) in cases {
                let response = try await api.send(
                    .post, "/api/messages", token: world.member.accessToken, json: ["channelId": channel, "type": "image", "imageUrl": imageUrl])
                #expect(response.status == status, "\(imageUrl.prefix(60)): \(response.status) \(response.text)")
                #expect(response.json["success"] as? Bool == false)
                #expect(response.json["status"] as? String == "error")
                #expect(response.json["code"] as? String == (status == 415 ? "UNSUPPORTED_MEDIA_TYPE" : "VALIDATION_ERROR"))
            }
            let history = try await api.send(.get, "/api/messages/channel/\(channel)?includeDeleted=true", token: world.member.accessToken)
            #expect((history.json["data"] as? [Any])?.isEmpty == true)
            #expect(try await disk.everything().isEmpty)
        }
    }

    @Test func aPictureInAMessageThatIsRefusedIsNotKept() async throws {
        try await UploadTestApp.run(jsonBodyLimit: Self.jsonLimit) { api, disk in
            let world = try await PermissionWorld.make(api)
            let hidden = try await world.makeTarget(isPrivate: false).extraChannelId
            let png = try SampleFiles.image("png", width: 64, height: 64)
            let refused = try await api.send(
                .post, "/api/messages", token: world.outsider.accessToken,
                json: ["channelId": hidden, "type": "image", "imageUrl": Self.dataURL("image/png", png)])
            #expect(refused.status == 404)
            #expect(try await disk.everything().isEmpty)
        }
    }

    @Test func limitsStayWhereTheyWere() async throws {
        try await UploadTestApp.run(limits: UploadLimits(imageBytes: 1 << 20), jsonBodyLimit: Self.jsonLimit) { api, disk in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let png = try SampleFiles.noisePNG(width: 1250, height: 1250)

            // Larger than the image limit: 413 naming it, nothing stored.
            let tooLarge = try await api.send(
                .post, "/api/messages", token: world.member.accessToken,
                json: ["channelId": target.extraChannelId, "type": "image", "imageUrl": Self.dataURL("image/png", png)])
            #expect(tooLarge.status == 413)
            #expect(tooLarge.message == "File too large. Maximum size is 1 MB.")
            #expect(try await disk.everything().isEmpty)

            // Every other route keeps JSON_BODY_LIMIT.
            let long = String(repeating: "x", count: 1_500_000)
            let channel = try await api.send(
                .put, "/api/channels/\(target.extraChannelId)", token: world.groupAdmin.accessToken, json: ["description": long])
            #expect(channel.status == 413)
            #expect(channel.json["code"] as? String == "PAYLOAD_TOO_LARGE")
            let posted = try #require(try await MessageFlowTests.post(api, world.member, target.extraChannelId, "short")["_id"] as? String)
            let edit = try await api.send(.put, "/api/messages/\(posted)", token: world.member.accessToken, json: ["text": long])
            #expect(edit.status == 413)
        }
    }

    @Test func theSocketRefusesPicturesInsideMessages() async throws {
        try await UploadTestApp.run(jsonBodyLimit: Self.jsonLimit) { api, disk in
            let gateway = try await GatewayWorld.make(api)
            let socket = try await gateway.connect(gateway.world.member)
            let png = try SampleFiles.image("png", width: 4, height: 4)
            let ack = try await socket.request(
                "send_message", ["channelId": gateway.target.extraChannelId, "type": "image", "imageUrl": Self.dataURL("image/png", png)])
            #expect(ack["success"] as? Bool == false)
            #expect((ack["message"] as? String)?.contains("POST /api/messages") == true)
            let history = try await api.send(
                .get, "/api/messages/channel/\(gateway.target.extraChannelId)", token: gateway.world.member.accessToken)
            #expect((history.json["data"] as? [Any])?.isEmpty == true)
            #expect(try await disk.everything().isEmpty)
            await socket.close()
        }
    }
}
