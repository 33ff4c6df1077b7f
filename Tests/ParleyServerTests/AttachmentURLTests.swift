import Foundation
import Testing

/// A message's image and file URLs and an avatar are shown to every member: only this
/// server's own uploads are accepted, path-only or under its public base URL.
@Suite("Attachment and avatar URLs")
struct AttachmentURLTests {
    static let name = "0123456789abcdef0123456789abcdef"
    /// The test client reaches the server as `localhost`.
    static let refused = [
        "javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "data:image/png;base64,iVBORw0KGgo=", "https://evil.example/uploads/images/\(name).png",
        "//evil.example/uploads/images/\(name).png", "http://localhost@evil.example/uploads/images/\(name).png",
        "http://localhost/elsewhere/\(name).png", "http://localhost/uploads/images/../../etc/passwd",
        "/uploads/secrets/\(name).png", "/uploads/images/not-a-generated-name.png", "ftp://localhost/uploads/files/\(name).pdf",
    ]
    static let accepted = [
        "/uploads/images/\(name).png", "http://localhost/uploads/images/\(name)_thumb.png", "https://LOCALHOST/uploads/files/\(name).pdf",
    ]

    static func expectRefusal(
        _ response: APIResponse, _ what: String, status: Int = 400, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == status, "\(what): \(response.status) \(response.text)", sourceLocation: sourceLocation)
        #expect(response.json["success"] as? Bool == false, sourceLocation: sourceLocation)
        #expect(response.json["status"] as? String == "error", sourceLocation: sourceLocation)
        #expect(response.json["code"] is String && response.json["message"] is String, sourceLocation: sourceLocation)
    }

    /// A data URL in `imageUrl` is an inline picture the server tries to store as an upload
    /// (what the Angular client sends): one that is not a decodable image is a 415, as on
    /// `/api/upload/image`. Everything else refused is a 400 naming the field.
    static func refusalStatus(_ field: String, _ url: String) -> Int {
        field == "imageUrl" && url.lowercased().hasPrefix("data:") ? 415 : 400
    }

    @Test func messagesAndRepliesOverRESTTakeOnlyThisServersUploads() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let channel = target.extraChannelId
            let parent = try await world.expect(201, .post, "/api/messages", world.member, ["channelId": channel, "text": "parent"])
            let parentId = try #require(parent.data["_id"] as? String)

            for url in Self.refused {
                for field in ["imageUrl", "fileUrl"] {
                    let posted = try await api.send(
                        .post, "/api/messages", token: world.member.accessToken, json: ["channelId": channel, "text": "look", field: url])
                    Self.expectRefusal(posted, "\(field) \(url)", status: Self.refusalStatus(field, url))
                }
                let reply = try await api.send(
                    .post, "/api/messages/\(parentId)/replies", token: world.member.accessToken, json: ["text": "see", "imageUrl": url])
                Self.expectRefusal(reply, "reply \(url)", status: Self.refusalStatus("imageUrl", url))
            }
            for url in Self.accepted {
                let posted = try await api.send(
                    .post, "/api/messages", token: world.member.accessToken, json: ["channelId": channel, "text": "look", "imageUrl": url])
                #expect(posted.status == 201, "\(url): \(posted.text)")
                #expect(posted.data["imageUrl"] as? String == url)
            }
            let history = try await api.send(.get, "/api/messages/channel/\(channel)?limit=100", token: world.spare.accessToken)
            let stored = (history.json["data"] as? [[String: Any]] ?? []).compactMap { $0["imageUrl"] as? String }
            #expect(Set(stored) == Set(Self.accepted), "nothing refused was stored or served")
        }
    }

    @Test func messagesOverTheSocketAreCheckedTheSameWay() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let socket = try await gateway.connect(gateway.world.member)
            let channel = gateway.target.extraChannelId

            for url in ["javascript:alert(1)", "data:text/html,<b>x</b>", "https://evil.example/uploads/images/\(Self.name).png"] {
                try socket.emit("send_message", ["channelId": channel, "text": "look", "imageUrl": url])
                let error = try await socket.next("error")
                #expect((error.payload["message"] as? String)?.contains("imageUrl") == true, "\(url): \(error.payload)")
                let acked = try await socket.request("send_message", ["channelId": channel, "type": "file", "fileUrl": url])
                #expect(acked["success"] as? Bool == false)
                #expect((try await socket.next("error").payload["message"] as? String)?.contains("fileUrl") == true)
            }
            // The socket reaches the server as 127.0.0.1:<port>: that is its own base URL.
            let own = "http://127.0.0.1:\(gateway.port)/uploads/images/\(Self.name).png"
            let sent = try await socket.request("send_message", ["channelId": channel, "text": "look", "imageUrl": own])
            #expect(sent["success"] as? Bool == true, "\(sent)")
            #expect((sent["message"] as? [String: Any])?["imageUrl"] as? String == own)
            await socket.close()
        }
    }

    @Test func avatarsOnEveryPathThatSetsThem() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let root = world.root.accessToken
            let own = "http://localhost/uploads/avatars/\(Self.name).png"
            let foreign = "https://evil.example/track.png"
            let attempts: [(HTTPMethodName, String, String, (String) -> [String: Any])] = [
                (.put, "/api/users/\(world.member.id)", world.member.accessToken, { ["avatar": $0] }),
                (.put, "/api/client/profile", world.member.accessToken, { ["avatar": $0] }),
                (.put, "/api/client/profile", world.member.accessToken, { ["avatarUrl": $0] }),
                (.put, "/api/admin/users/\(world.member.id)", root, { ["avatar": $0] }),
                (.post, "/api/admin/users/bulk-update", root, { ["userIds": [world.member.id], "updates": ["avatar": $0]] }),
            ]
            for (method, path, token, body) in attempts {
                for url in [foreign, "javascript:alert(1)", "data:text/html,x"] {
                    Self.expectRefusal(try await api.send(method.value, path, token: token, json: body(url)), "\(path) \(url)")
                }
                #expect(try await api.send(.get, "/api/users/\(world.member.id)/avatar").data["avatar"] is NSNull, "\(path) stored nothing")
            }
            for (method, path, token, body) in attempts {
                let set = try await api.send(method.value, path, token: token, json: body(own))
                #expect(set.status == 200, "\(path): \(set.text)")
            }
            #expect(try await api.send(.get, "/api/users/\(world.member.id)/avatar").data["avatar"] as? String == own)
            // Clearing stays possible.
            #expect(try await api.send(.put, "/api/client/profile", token: world.member.accessToken, json: ["avatar": NSNull()]).status == 200)

            let created = try await api.send(
                .post, "/api/users", token: root,
                json: ["username": "newbie", "email": "newbie@example.com", "password": "password123", "avatar": foreign])
            Self.expectRefusal(created, "create with a foreign avatar")
            let group = try await api.send(.post, "/api/groups", token: root, json: ["name": "pictures", "avatar": foreign])
            Self.expectRefusal(group, "group avatar")
            let made = try await world.expect(201, .post, "/api/groups", world.root, ["name": "pictures", "avatar": own])
            let groupId = try #require(made.data["_id"] as? String)
            Self.expectRefusal(try await api.send(.put, "/api/groups/\(groupId)", token: root, json: ["avatar": "javascript:x"]), "group update")
            #expect(try await api.send(.put, "/api/groups/\(groupId)", token: root, json: ["avatar": own, "description": "same avatar"]).status == 200)
        }
    }

    @Test func aConfiguredPublicURLIsTheOnlyAbsoluteBase() async throws {
        try await TestApp.run(configure: { $0.publicURL = "https://chat.example.com" }) { api in
            let alice = try await api.register("alice")
            let byHost = try await api.send(
                .put, "/api/client/profile", token: alice.accessToken, json: ["avatar": "http://localhost/uploads/avatars/\(Self.name).png"])
            Self.expectRefusal(byHost, "the Host header is not the public base when PUBLIC_URL is set")
            let public_ = "https://chat.example.com/uploads/avatars/\(Self.name).png"
            let set = try await api.send(.put, "/api/client/profile", token: alice.accessToken, json: ["avatar": public_])
            #expect(set.status == 200, "\(set.text)")
            #expect(set.data["avatar"] as? String == public_)
        }
    }
}
