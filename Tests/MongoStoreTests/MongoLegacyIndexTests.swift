import Testing

@testable import MongoStore

/// The decision to drop the old server's global unique index on channel names (and Parley's
/// former text index on messages, which search no longer reads).
struct MongoLegacyIndexTests {
    private let legacy = MongoLegacyIndex(collection: "channels", name: "name_1", onlyIfUnique: true)

    private func reply(_ specs: [BSONDocument]) -> BSONDocument {
        ["cursor": ["id": .int64(0), "ns": "parley.channels", "firstBatch": .array(specs.map(BSONValue.document))], "ok": 1.0]
    }

    @Test func commands() {
        #expect(legacy.listCommand == ["listIndexes": "channels"])
        #expect(legacy.dropCommand == ["dropIndexes": "channels", "index": "name_1"])
        #expect(MongoSchema.legacyIndexes == [legacy, MongoLegacyIndex(collection: "messages", name: "text_text", onlyIfUnique: false)])
        #expect(ChannelDocuments.legacyIndexes == [legacy])
    }

    @Test func dropsTheUniqueNameIndex() {
        let specs: [BSONDocument] = [
            ["v": 2, "key": ["_id": 1], "name": "_id_"],
            ["v": 2, "key": ["name": 1], "name": "name_1", "unique": true],
            ["v": 2, "key": ["groupId": 1], "name": "groupId_1"],
        ]
        #expect(legacy.shouldDrop(given: reply(specs)))
        #expect(legacy.shouldDrop(given: reply([["key": ["name": 1], "name": "name_1", "unique": 1]])), "old shells wrote 1")
    }

    @Test func keepsAPlainOrMissingIndex() {
        #expect(!legacy.shouldDrop(given: reply([["key": ["name": 1], "name": "name_1"]])))
        #expect(!legacy.shouldDrop(given: reply([["key": ["name": 1], "name": "name_1", "unique": false]])))
        #expect(!legacy.shouldDrop(given: reply([["key": ["_id": 1], "name": "_id_"]])))
        #expect(!legacy.shouldDrop(given: reply([])))
        #expect(!legacy.shouldDrop(given: ["ok": 1.0]), "a reply without a cursor drops nothing")
        let other = MongoLegacyIndex(collection: "channels", name: "name_1", onlyIfUnique: false)
        #expect(other.shouldDrop(given: reply([["key": ["name": 1], "name": "name_1"]])))
    }

    @Test func namespaceNotFoundIsRecognised() {
        #expect(MongoFailure(domain: 17, code: 26, message: "ns does not exist").isNamespaceNotFound)
        #expect(!MongoFailure(domain: 17, code: 11000, message: "dup").isNamespaceNotFound)
    }
}
