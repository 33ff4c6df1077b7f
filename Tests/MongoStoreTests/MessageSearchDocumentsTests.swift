import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The choice between the text index and a literal substring match, and both queries.
struct MessageSearchDocumentsTests {
    private let channel = Fixtures.channelId
    private var scope: BSONDocument {
        ["channelId": ["$in": [.objectId(channel), .string(channel.hexString)]]]
    }

    @Test func wordsUseTheTextIndexAsOnePhrase() {
        let query = MessageSearchDocuments.query(for: MessageSearch(text: "  release notes ", channelIds: [channel], limit: 10, offset: 20))
        #expect(
            query
                == MessageSearchDocuments.Query(
                    filter: [
                        "$text": ["$search": "\"release notes\""],
                        "channelId": ["$in": [.objectId(channel), .string(channel.hexString)]], "isDeleted": ["$ne": true],
                    ],
                    options: [
                        "sort": ["score": ["$meta": "textScore"], "createdAt": -1, "_id": -1], "skip": .int64(20),
                        "limit": .int64(10), "projection": ["score": ["$meta": "textScore"]],
                    ],
                    usesTextIndex: true))
    }

    @Test func operatorsAreSearchedForNotObeyed() {
        let query = MessageSearchDocuments.query(for: MessageSearch(text: "NOT -bye OR f(x)", channelIds: [channel]))
        #expect(query?.filter["$text"] == ["$search": #""NOT -bye OR f(x)""#])
    }

    @Test func aDoubleQuoteIsSearchedForLiterally() {
        let query = MessageSearchDocuments.query(for: MessageSearch(text: #""hi there""#, channelIds: [channel]))
        #expect(query?.usesTextIndex == false)
        #expect(query?.filter["text"] == ["$regex": #""hi there""#, "$options": "i"])
    }

    @Test func theAuthorNarrowsTheScope() {
        let query = MessageSearchDocuments.query(
            for: MessageSearch(text: "deploy", channelIds: [channel], userId: Fixtures.userId, limit: 5))
        #expect(query?.filter.keys == ["$text", "channelId", "userId", "isDeleted"])
        #expect(query?.filter["userId"] == ["$in": [.objectId(Fixtures.userId), .string(Fixtures.userId.hexString)]])
    }

    @Test func chineseJapaneseAndKoreanUseAnEscapedSubstringMatch() {
        for text in ["東京タワー", "ひらがな", "한국어 문장", "deploy 東京", "ＡＢＣ", "ภาษาไทย"] {
            let query = MessageSearchDocuments.query(for: MessageSearch(text: text, channelIds: [channel], limit: 10))
            var filter = scope
            filter["isDeleted"] = ["$ne": true]
            filter["text"] = ["$regex": .string(text), "$options": "i"]
            #expect(
                query
                    == MessageSearchDocuments.Query(
                        filter: filter, options: ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(0), "limit": .int64(10)],
                        usesTextIndex: false),
                "\(text)")
        }
        let pattern = MessageSearchDocuments.query(for: MessageSearch(text: "東京.*(駅)", channelIds: [channel]))?.filter["text"]
        #expect(pattern == ["$regex": #"東京\.\*\(駅\)"#, "$options": "i"])
    }

    @Test func shortOrSymbolOnlyQueriesUseTheSubstringMatch() {
        #expect(MessageSearchDocuments.needsSubstringSearch("ok"))
        #expect(MessageSearchDocuments.needsSubstringSearch("é"))
        #expect(MessageSearchDocuments.needsSubstringSearch("?!?!"))
        #expect(MessageSearchDocuments.needsSubstringSearch("\"\"\""))
        #expect(!MessageSearchDocuments.needsSubstringSearch("hey"))
        #expect(!MessageSearchDocuments.needsSubstringSearch("café au lait"))
        let query = MessageSearchDocuments.query(
            for: MessageSearch(text: "(*)+$|", channelIds: [channel], userId: Fixtures.userId, limit: 3, offset: 6))
        #expect(query?.usesTextIndex == false)
        #expect(query?.filter.keys == ["channelId", "userId", "isDeleted", "text"])
        #expect(query?.filter["text"] == ["$regex": #"\(\*\)\+\$\|"#, "$options": "i"], "escaped: searched literally")
        #expect(query?.options == ["sort": ["createdAt": -1, "_id": -1], "skip": .int64(6), "limit": .int64(3)])
    }

    @Test func nothingToSearchSendsNothing() {
        #expect(MessageSearchDocuments.query(for: MessageSearch(text: "  \n", channelIds: [channel])) == nil)
        #expect(MessageSearchDocuments.query(for: MessageSearch(text: "hello", channelIds: [])) == nil)
        let noPage = MessageSearchDocuments.query(for: MessageSearch(text: "hello", channelIds: [channel], limit: 0))
        #expect(noPage?.options == nil, "the total is still counted")
        #expect(noPage?.filter["$text"] != nil)
    }
}
