import Foundation
import ParleyCore
import RedisClient
import Testing
@testable import ParleyServer

@Suite("Cluster settings (REDIS_URL, NODE_ID) and events on the wire")
struct RedisClusterConfigurationTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cluster-config-\(UUID().uuidString)")

    @Test func redisURLAndNodeIDAreReadAndChecked() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["DATABASE_URL": "sqlite:\(folder.path)/p.sqlite"]
        let alone = try AppConfiguration.load(from: base)
        #expect(alone.redisURL == nil)
        #expect(alone.nodeID.count == 8 && alone.nodeID.allSatisfy(\.isHexDigit))
        #expect(try AppConfiguration.load(from: base).nodeID != alone.nodeID)

        let node = try AppConfiguration.load(from: base.merging(["REDIS_URL": "redis://:pw@cache:6380/1", "NODE_ID": "node_B-2"]) { $1 })
        #expect(node.redisURL == RedisURL(host: "cache", port: 6380, password: "pw", database: 1))
        #expect(node.nodeID == "node_B-2")

        for bad in ["has space", "dot.ted", String(repeating: "x", count: 33), "é"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { _ = try AppConfiguration.load(from: base.merging(["NODE_ID": bad]) { $1 }) }
        }
        #expect(throws: ConfigurationError.self) { _ = try AppConfiguration.load(from: base.merging(["REDIS_URL": "http://cache"]) { $1 }) }
        #expect(throws: ConfigurationError.self) {
            _ = try AppConfiguration.load(from: base.merging(["REDIS_URL": "redis://user:pw@cache"]) { $1 })
        }
    }

    @Test func domainEventsSurviveTheirWireForm() throws {
        let author = ObjectId()
        let channel = ObjectId()
        let message = Message(
            channelId: channel, groupId: ObjectId(), userId: author, username: "alice", text: "héllo \u{0}\n✓",
            attachment: Attachment(url: "/uploads/files/a.bin", fileName: "a.bin", fileSize: 3), mentions: [author],
            isEdited: true, editedAt: Date(), updatedAt: Date())
        let events: [DomainEvent] = [
            .messageCreated(message, addressedAs: ObjectId()),
            .reactionChanged(message: message, userId: author, username: "alice", reaction: nil),
            .memberJoined(groupId: ObjectId(), userId: author),
            .sessionsRevoked(userId: author, sessionIds: [ObjectId(), ObjectId()]),
        ]
        for event in events {
            let wire = try JSONEncoder().encode(RedisEventEnvelope(node: "A", event: event))
            let back = try JSONDecoder().decode(RedisEventEnvelope.self, from: wire)
            #expect(back.event == event)
            #expect(back.node == "A")
        }
    }
}
