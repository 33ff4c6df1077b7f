import Foundation
import Logging
import ParleyCore
import Testing
@testable import MongoStore
@testable import ParleyServer

/// What a client sees when MongoDB fails: an outage is a 503 and does not stop start-up; a
/// command the server refuses is a bug, answered 500 (and logged with the command).
@Suite("Store failures over HTTP")
struct StoreFailureAnswerTests {
    /// Port 1 on loopback refuses connections; 300 ms keeps each server selection short.
    static let unreachable = "mongodb://127.0.0.1:1/parley_unreachable?serverSelectionTimeoutMS=300"

    @Test func startUpWithTheAdminSetSurvivesAnUnreachableMongoDBAndAnswers503() async throws {
        // TestApp's configuration sets PARLEY_ADMIN_*: the bootstrap used to end start-up here.
        try await TestApp.run(configure: { $0.store = .mongodb(url: Self.unreachable) }) { api in
            let login = try await api.login("root", password: "root-password")
            #expect(login.status == 503)
            #expect(login.json["code"] as? String == "SERVICE_UNAVAILABLE")
            #expect(login.json["success"] as? Bool == false)
        }
    }

    @Test(.enabled(if: TestStore.mongoURL != nil, "set PARLEY_TEST_MONGODB_URL to run"))
    func aCommandMongoDBRefusesIsA500NotAnOutage() async throws {
        let location = TestStore.location(folder: FileManager.default.temporaryDirectory)
        guard case .mongodb(let url) = location else { throw TestFailure("no MongoDB URL") }
        try await TestApp.run(configure: { $0.store = location }) { api in
            let world = try await PermissionWorld.make(api)
            let channel = try await world.makeTarget(isPrivate: false).extraChannelId
            let id = try #require(try await MessageFlowTests.post(api, world.member, channel, "first draft")["_id"] as? String)
            // Data the server cannot apply the edit's `$inc` to: the edit command is refused.
            let store = try await MongoStore.connect(url: url, logger: Logger(label: "store-failure-test"))
            let messages = MongoCollection(connection: store.connection, name: MessageDocuments.collection)
            _ = try await messages.updateOne(["_id": .objectId(try #require(ObjectId(id)))], update: ["$set": ["editCount": "many"]])
            try await store.close()

            let edit = try await api.send(.put, "/api/messages/\(id)", token: world.member.accessToken, json: ["text": "second"])
            #expect(edit.status == 500)
            #expect(edit.json["code"] as? String == "INTERNAL_ERROR")
            #expect(edit.message == "Internal server error")
        }
    }
}
