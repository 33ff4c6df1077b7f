import Foundation
import Testing

/// The caller and their access to a channel are cached for a few seconds; every change that
/// takes a right away must still be felt by the very next request, even right after a cached
/// success.
@Suite("Caller cache over HTTP")
struct CallerCacheTests {
    private func history(_ world: PermissionWorld, _ channelId: String, as account: Account) async throws -> APIResponse {
        try await world.api.send(.get, "/api/messages/channel/\(channelId)", token: account.accessToken)
    }

    @Test func aDeactivatedUsersNextRequestIsRefused() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            #expect(try await history(world, target.extraChannelId, as: world.member).status == 200)
            try await world.expect(200, .delete, "/api/users/\(world.member.id)", world.root, nil)
            let refused = try await history(world, target.extraChannelId, as: world.member)
            #expect(refused.status == 401, "\(refused.text)")
        }
    }

    @Test func aDemotedGroupAdminLosesAdminActionsAtOnce() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            #expect(try await history(world, target.extraChannelId, as: world.groupAdmin).status == 200)
            try await world.expect(200, .put, "/api/channels/\(target.extraChannelId)", world.groupAdmin, ["description": "before"])
            try await world.expect(200, .delete, "/api/groups/\(target.groupId)/admins/\(world.groupAdmin.id)", world.root, nil)
            #expect(try await history(world, target.extraChannelId, as: world.groupAdmin).status == 200)
            let refused = try await api.send(
                .put, "/api/channels/\(target.extraChannelId)", token: world.groupAdmin.accessToken, json: ["description": "after"])
            #expect(refused.status == 403, "\(refused.text)")
        }
    }

    @Test func aRemovedMemberCannotReadHistoryAtOnce() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            #expect(try await history(world, target.extraChannelId, as: world.member).status == 200)
            #expect(try await history(world, target.groupId, as: world.member).status == 200)
            try await world.expect(200, .delete, "/api/groups/\(target.groupId)/members/\(world.member.id)", world.root, nil)
            #expect(try await history(world, target.extraChannelId, as: world.member).status == 404)
            // The group's id stands for its general channel, and is cached under that id.
            #expect(try await history(world, target.groupId, as: world.member).status == 404)
        }
    }

    @Test func aNewUsernameShowsInTheNextPostedMessage() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let first = try await world.expect(201, .post, "/api/messages", world.member, ["channelId": target.extraChannelId, "text": "one"])
            #expect(first.text.contains("\"member\""))
            try await world.expect(200, .put, "/api/users/\(world.member.id)", world.member, ["username": "renamed"])
            let second = try await world.expect(201, .post, "/api/messages", world.member, ["channelId": target.extraChannelId, "text": "two"])
            #expect(second.text.contains("\"renamed\""), "\(second.text)")
        }
    }

    @Test func aChannelMadePrivateIsRefusedAtOnceToNonMembers() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            try await world.expect(200, .delete, "/api/channels/\(target.extraChannelId)/members/\(world.member.id)", world.root, nil)
            // Public: the group's members read it whether or not they are on its member list.
            #expect(try await history(world, target.extraChannelId, as: world.member).status == 200)
            try await world.expect(200, .put, "/api/channels/\(target.extraChannelId)", world.root, ["isPrivate": true])
            #expect(try await history(world, target.extraChannelId, as: world.member).status == 404)
        }
    }
}
