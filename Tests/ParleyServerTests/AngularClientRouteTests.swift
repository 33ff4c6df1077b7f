import Foundation
import Testing

@testable import ParleyServer

/// Routes the old server lacked, answered in the shape the Angular client's code reads
/// (spec/rest-api.md §9).
@Suite("Routes in the Angular client's shape")
struct AngularClientRouteTests {
    static func names(_ list: Any?) -> Set<String> {
        Set((list as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? [])
    }

    /// The realtime chat page lists a group's channels from `my-groups`.
    @Test func myGroupsCarryTheChannelsTheCallerCanRead() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            let old = try await world.expect(201, .post, "/api/channels", world.root, ["groupId": target.groupId, "name": "old"])
            let oldId = try #require(old.data["_id"] as? String)
            _ = try await world.expect(200, .put, "/api/channels/\(oldId)/archive", world.root, [:])

            func channels(of account: Account) async throws -> [String: Any]? {
                let response = try await api.send(.get, "/api/groups/my-groups", token: account.accessToken)
                #expect(response.status == 200, "\(response.text)")
                let group = (response.json["data"] as? [[String: Any]])?.first { $0["_id"] as? String == target.groupId }
                return group
            }
            let asMember = try #require(try await channels(of: world.member))
            #expect(Self.names(asMember["channels"]) == ["general", "extra"], "\(asMember)")
            let general = try #require((asMember["channels"] as? [[String: Any]])?.first { $0["name"] as? String == "general" })
            #expect(general["_id"] as? String == target.generalChannelId)
            #expect(general["isPrivate"] as? Bool == false)
            #expect(asMember["name"] is String && asMember["members"] is [Any], "the group's own fields stay")

            // A private channel appears once the member is in it; its group's admins see it.
            _ = try await world.expect(200, .post, "/api/channels/\(target.privateChannelId)/members", world.root, ["userId": world.member.id])
            #expect(Self.names(try await channels(of: world.member)?["channels"]) == ["general", "extra", "hidden"])
            #expect(Self.names(try await channels(of: world.spare)?["channels"]) == ["general", "extra"])
            #expect(Self.names(try await channels(of: world.groupAdmin)?["channels"]) == ["general", "extra", "hidden"])
            #expect(try await channels(of: world.outsider) == nil)
        }
    }

    /// The realtime page reads `data.messages` and `data.totalPages`, sending `limit`/`offset`.
    @Test func messageSearchAnswersAPageWithTheTotalOfTheSearch() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            for index in 0..<5 { _ = try await MessageFlowTests.post(api, world.member, target.extraChannelId, "standup \(index)") }
            _ = try await MessageFlowTests.post(api, world.member, target.generalChannelId, "standup elsewhere")

            let second = try await api.send(
                .get, "/api/messages/search?query=standup&channelId=\(target.extraChannelId)&limit=2&offset=2", token: world.member.accessToken)
            #expect(second.status == 200, "\(second.text)")
            #expect((second.data["messages"] as? [Any])?.count == 2)
            #expect(second.data["total"] as? Int == 5)
            #expect(second.data["page"] as? Int == 2)
            #expect(second.data["limit"] as? Int == 2)
            #expect(second.data["totalPages"] as? Int == 3)

            let last = try await api.send(.get, "/api/messages/search?q=standup&page=3&limit=2", token: world.member.accessToken)
            #expect(MessageFlowTests.foundTexts(last).count == 2, "six matches across both channels: \(last.text)")
            #expect(last.data["total"] as? Int == 6)
            #expect(last.data["page"] as? Int == 3)
            #expect(last.data["totalPages"] as? Int == 3)

            let none = try await api.send(.get, "/api/messages/search?q=standup", token: world.outsider.accessToken)
            #expect(none.data["total"] as? Int == 0 && none.data["totalPages"] as? Int == 0)
            #expect(try await api.send(.get, "/api/messages/search?q=standup&page=0", token: world.member.accessToken).status == 400)
            #expect(try await api.send(.get, "/api/messages/search?q=standup&page=99999999999999999999", token: world.member.accessToken).status == 400)
        }
    }

    /// Browsers and most HTTP clients send a space in a query as `+`.
    @Test func aPlusInAQueryIsASpaceAndAnEncodedPlusIsAPlus() async throws {
        try await TestApp.run { api in
            let world = try await PermissionWorld.make(api)
            let target = try await world.makeTarget(isPrivate: false)
            for text in ["hello world tonight", "c+c rocks", "c c rocks"] {
                _ = try await MessageFlowTests.post(api, world.member, target.extraChannelId, text)
            }
            func search(_ query: String) async throws -> [String] {
                MessageFlowTests.foundTexts(try await api.send(.get, "/api/messages/search?q=\(query)", token: world.member.accessToken))
            }
            #expect(try await search("hello+world") == ["hello world tonight"])
            #expect(try await search("c%2Bc") == ["c+c rocks"])
            #expect(try await search("c+c") == ["c c rocks"])

            // Every route reads its query the same way.
            _ = try await world.expect(201, .post, "/api/groups", world.root, ["name": "Plus Team \(UUID().uuidString.prefix(6))"])
            let groups = try await api.send(.get, "/api/groups?search=plus+team", token: world.member.accessToken)
            #expect((groups.data["groups"] as? [[String: Any]])?.count == 1, "\(groups.text)")
        }
    }

    @Test func formQueryDecodesLikeABrowserForm() {
        let query = FormQuery("q=a+b%2Bc&empty=&flag&bad=100%&name%20x=1&q=second")
        #expect(query["q"] == "a b+c")
        #expect(query["empty"] == "")
        #expect(query["flag"] == "")
        #expect(query["bad"] == "100%")
        #expect(query["name x"] == "1")
        #expect(query["missing"] == nil)
        #expect(FormQuery(nil)["q"] == nil)
    }
}
