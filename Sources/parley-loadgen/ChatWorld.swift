/// The groups a scenario talks in: built over REST by the super admin (`count` groups, each
/// with its `general` channel; account `i` joins group `i % count`), or found in the world
/// seed-sample-data wrote, which has the same shape.
struct ChatWorld: Sendable {
    /// The `general` channel of each group.
    let channelIds: [String]

    static func build(
        baseURL: String, adminToken: String, name: String, accounts: [LoadAccount], groups count: Int, concurrency: Int
    ) async throws -> ChatWorld {
        let membersPerGroup = (accounts.count + count - 1) / max(count, 1)
        let groupIds = try await Concurrently.map(count, concurrency: concurrency) { index in
            let (status, body) = try await AccountPool.post(
                baseURL + "/api/groups",
                ["name": "\(name) \(index)", "description": "parley-loadgen", "maxMembers": membersPerGroup + 10],
                token: adminToken)
            guard status == 201, let data = body["data"] as? [String: Any], let id = data["_id"] as? String else {
                throw LoadgenError("could not create group \(name) \(index): HTTP \(status) \(body)")
            }
            return id
        }
        _ = try await Concurrently.map(accounts.count, concurrency: concurrency) { index in
            let groupId = groupIds[index % count]
            let (status, body) = try await AccountPool.post(
                baseURL + "/api/groups/\(groupId)/members", ["userId": accounts[index].id], token: adminToken)
            guard status == 200 || status == 201 else {
                throw LoadgenError("could not add \(accounts[index].username) to group \(groupId): HTTP \(status) \(body)")
            }
            return true
        }
        let channelIds = try await Concurrently.map(count, concurrency: concurrency) { index in
            let (status, body) = try await AccountPool.get(baseURL + "/api/channels/group/\(groupIds[index])", token: adminToken)
            let channels = body["data"] as? [[String: Any]] ?? []
            guard status == 200, let general = channels.first(where: { $0["name"] as? String == "general" }) ?? channels.first,
                let id = general["_id"] as? String
            else { throw LoadgenError("no channel in group \(groupIds[index]): HTTP \(status) \(body)") }
            return id
        }
        return ChatWorld(channelIds: channelIds)
    }

    /// The `general` channels of seed-sample-data's volume world, where account `i` is in
    /// group `i % count`: each group's channels as its first account sees them.
    static func seeded(baseURL: String, accounts: [LoadAccount], groups count: Int, concurrency: Int) async throws -> ChatWorld {
        guard accounts.count >= count else { throw LoadgenError("fewer users (\(accounts.count)) than groups (\(count))") }
        let channelIds = try await Concurrently.map(count, concurrency: concurrency) { index in
            let channel = try await myChannel(baseURL: baseURL, token: accounts[index].token, named: "general")
            return channel
        }
        return ChatWorld(channelIds: channelIds)
    }

    /// The id of a channel the token's user belongs to, by name.
    static func myChannel(baseURL: String, token: String, named name: String) async throws -> String {
        let (status, body) = try await AccountPool.get(baseURL + "/api/channels/my-channels", token: token)
        let channels = body["data"] as? [[String: Any]] ?? []
        guard status == 200, let channel = channels.first(where: { $0["name"] as? String == name }), let id = channel["_id"] as? String else {
            throw LoadgenError("no channel \(name) among my channels: HTTP \(status)")
        }
        return id
    }

    static func adminToken(baseURL: String, username: String, password: String) async throws -> String {
        let (status, body) = try await AccountPool.post(baseURL + "/api/auth/login", ["username": username, "password": password])
        guard status == 200, let data = body["data"] as? [String: Any], let token = data["accessToken"] as? String else {
            throw LoadgenError("super admin \(username) could not sign in: HTTP \(status) \(body)")
        }
        return token
    }
}
