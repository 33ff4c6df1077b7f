import Foundation
import Testing

/// Editing a channel as the Angular admin screen does: its form sends the channel back whole.
@Suite("Channel edits from the Angular form")
struct ChannelEditTests {
    @Test func theEditFormSendsTheUnchangedGroupAndIsAccepted() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let path = "/api/channels/\(target.extraChannelId)"

            // `edit-channel.component.ts` updateChannel(): exactly these keys, groupId always included.
            let form: [String: Any] = [
                "name": "extra-renamed", "description": "Edited from the admin screen", "type": "text", "groupId": target.groupId,
                "isPrivate": false, "maxMembers": 100, "isActive": true,
                "settings": ["slowMode": 0, "requireApproval": false, "allowReactions": true, "allowPolls": true],
            ]
            let edited = try await api.send(.put, path, token: world.groupAdmin.accessToken, json: form)
            #expect(edited.status == 200, "\(edited.text)")
            #expect(edited.data["name"] as? String == "extra-renamed")
            #expect(edited.data["description"] as? String == "Edited from the admin screen")
            #expect(edited.data["groupId"] as? String == target.groupId)

            // The channel as read, sent back with one change: the echoed read-only fields are accepted.
            var echoed = try await api.send(.get, path, token: world.groupAdmin.accessToken).data
            echoed["description"] = "Second edit"
            let again = try await api.send(.put, path, token: world.groupAdmin.accessToken, json: echoed)
            #expect(again.status == 200, "\(again.text)")
            #expect(again.data["description"] as? String == "Second edit")
            #expect(again.data["_id"] as? String == target.extraChannelId)
            #expect(again.data["createdBy"] as? String == echoed["createdBy"] as? String)
        }
    }

    @Test func namingAnotherGroupIsStillRefusedAndMovesNothing() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let elsewhere = try await world.makeTarget(isPrivate: false)
            let path = "/api/channels/\(target.extraChannelId)"

            let moved = try await api.send(
                .put, path, token: world.groupAdmin.accessToken, json: ["name": "extra", "groupId": elsewhere.groupId])
            #expect(moved.status == 400)
            #expect(moved.json["status"] as? String == "error")
            #expect(moved.json["code"] as? String == "VALIDATION_ERROR")
            #expect(moved.message == "A channel cannot be moved to another group")
            let stored = try await api.send(.get, path, token: world.groupAdmin.accessToken)
            #expect(stored.data["groupId"] as? String == target.groupId)

            // The move check comes after the permission check: an outsider learns nothing.
            let outsider = try await api.send(.put, path, token: world.outsider.accessToken, json: ["groupId": elsewhere.groupId])
            #expect(outsider.status == 404)
        }
    }
}
