import Foundation
import Testing

/// The six callers of the permission matrix, in the order each case lists its statuses.
enum Actor: Int, CaseIterable, Sendable {
    case anonymous, outsider, member, otherGroupAdmin, groupAdmin, superAdmin
}

/// Accounts shared by every case: a super_admin, two group_admins (one administers the target
/// group, the other a different group), a plain member of the target group, an outsider, and a
/// spare user that cases add, remove or let ask to join.
struct PermissionWorld: Sendable {
    let api: APIClient
    let root: Account
    let groupAdmin: Account
    let otherGroupAdmin: Account
    let member: Account
    let outsider: Account
    let spare: Account

    static func make(_ api: APIClient) async throws -> PermissionWorld {
        let root = try await api.loginAsRoot()
        let groupAdmin = try await api.register("gadmin")
        let otherGroupAdmin = try await api.register("otheradmin")
        for account in [groupAdmin, otherGroupAdmin] {
            let promoted = try await api.send(.put, "/api/users/\(account.id)", token: root.accessToken, json: ["roles": ["group_admin"]])
            guard promoted.status == 200 else { throw TestFailure("promote: \(promoted.text)") }
        }
        let world = PermissionWorld(
            api: api, root: root, groupAdmin: groupAdmin, otherGroupAdmin: otherGroupAdmin, member: try await api.register("member"),
            outsider: try await api.register("outsider"), spare: try await api.register("spare"))
        // The other admin administers a group of their own.
        _ = try await world.makeTarget(isPrivate: false, admin: otherGroupAdmin)
        return world
    }

    func token(_ actor: Actor) -> String? {
        switch actor {
        case .anonymous: return nil
        case .outsider: return outsider.accessToken
        case .member: return member.accessToken
        case .otherGroupAdmin: return otherGroupAdmin.accessToken
        case .groupAdmin: return groupAdmin.accessToken
        case .superAdmin: return root.accessToken
        }
    }

    /// A fresh group made by the super_admin with `admin` as its admin and the member and the
    /// spare user as members, plus one extra public channel and one private channel.
    func makeTarget(isPrivate: Bool, admin: Account? = nil) async throws -> Target {
        let admin = admin ?? groupAdmin
        let suffix = UUID().uuidString.prefix(8)
        let group = try await expect(201, .post, "/api/groups", root, ["name": "group-\(suffix)", "isPrivate": isPrivate])
        let groupId = try #require((group.json["data"] as? [String: Any])?["_id"] as? String)
        _ = try await expect(200, .post, "/api/groups/\(groupId)/admins", root, ["userId": admin.id])
        if admin.id == groupAdmin.id {
            _ = try await expect(200, .post, "/api/groups/\(groupId)/members", root, ["userId": member.id])
            _ = try await expect(200, .post, "/api/groups/\(groupId)/members", root, ["userId": spare.id])
        }
        let channels = try await expect(200, .get, "/api/channels/group/\(groupId)", root, nil)
        let general = try #require((channels.json["data"] as? [[String: Any]])?.first?["_id"] as? String)
        let extra = try await expect(201, .post, "/api/channels", root, ["groupId": groupId, "name": "extra"])
        let hidden = try await expect(201, .post, "/api/channels", root, ["groupId": groupId, "name": "hidden", "isPrivate": true])
        return Target(
            groupId: groupId, generalChannelId: general,
            extraChannelId: try #require(extra.data["_id"] as? String), privateChannelId: try #require(hidden.data["_id"] as? String))
    }

    /// A private target group with a pending join request from the outsider-like spare user's
    /// twin (a fresh account, so each target has its own requester).
    func makeRequestTarget() async throws -> (Target, requestId: String, requester: Account) {
        let target = try await makeTarget(isPrivate: true)
        let requester = try await api.register("req\(UUID().uuidString.prefix(6).lowercased())")
        let request = try await expect(201, .post, "/api/group-requests", requester, ["groupId": target.groupId, "message": "please"])
        return (target, try #require(request.data["_id"] as? String), requester)
    }

    @discardableResult
    func expect(_ status: Int, _ method: HTTPMethodName, _ path: String, _ account: Account, _ json: [String: Any]?) async throws -> APIResponse {
        let response = try await api.send(method.value, path, token: account.accessToken, json: json)
        guard response.status == status else { throw TestFailure("\(method) \(path): expected \(status), got \(response.status) \(response.text)") }
        return response
    }
}

/// The resources one matrix case works on.
struct Target: Sendable {
    let groupId: String
    let generalChannelId: String
    let extraChannelId: String
    let privateChannelId: String
}
