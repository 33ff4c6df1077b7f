import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The search grams and both search queries: trigrams through the index, and the literal
/// substring match for shorter text.
struct MessageSearchDocumentsTests {
    private let channel = Fixtures.channelId
    private var scope: BSONDocument {
        ["channelId": ["$in": [.objectId(channel), .string(channel.hexString)]], "isDeleted": ["$ne": true]]
    }

    @Test func gramsAreTheDistinctTrigramsOfTheCaseFoldedText() {
        #expect(MessageSearchGrams.grams(of: "Zebra") == ["bra", "ebr", "zeb"])
        #expect(MessageSearchGrams.grams(of: "aaaa") == ["aaa"])
        #expect(MessageSearchGrams.grams(of: "今日は東京へ") == ["今日は", "日は東", "は東京", "東京へ"].sorted())
        // Full case folding, so ß and SS, or a final sigma and Σ, give the same grams.
        #expect(MessageSearchGrams.grams(of: "STRASSE") == MessageSearchGrams.grams(of: "straße"))
        #expect(MessageSearchGrams.grams(of: "ΟΔΟΣ") == MessageSearchGrams.grams(of: "οδος"))
        #expect(MessageSearchGrams.grams(of: "ok").isEmpty)
    }

    @Test func aPartOfAWordNeedsAllItsGramsAndTheSubstring() {
        let query = MessageSearchDocuments.query(for: MessageSearch(text: "  Zebr ", channelIds: [channel], limit: 10, offset: 20))
        var filter = scope
        filter["text"] = ["$regex": "Zebr", "$options": "i"]
        filter["$or"] = [["searchGrams": ["$all": ["ebr", "zeb"]]], ["searchGrams": ["$exists": false]]]
        #expect(query?.filter == filter)
        #expect(query?.usesGrams == true)
        let score: BSONValue = [
            "$divide": [
                ["$size": ["$regexFindAll": ["input": "$text", "regex": "Zebr", "options": "i"]]],
                ["$add": [["$strLenCP": "$text"], 1]],
            ]
        ]
        #expect(
            query?.pipeline == [
                ["$match": .document(filter)], ["$addFields": ["searchScore": score]],
                ["$sort": ["searchScore": -1, "createdAt": -1, "_id": -1]], ["$skip": .int64(20)], ["$limit": .int64(10)],
            ])
    }

    @Test func operatorsAndPatternCharactersAreSearchedForNotObeyed() {
        let query = MessageSearchDocuments.query(for: MessageSearch(text: "NOT -bye OR f(x)", channelIds: [channel]))
        #expect(query?.filter["text"] == ["$regex": #"NOT -bye OR f\(x\)"#, "$options": "i"])
        let pattern = MessageSearchDocuments.query(for: MessageSearch(text: "東京.*(駅)", channelIds: [channel]))?.filter["text"]
        #expect(pattern == ["$regex": #"東京\.\*\(駅\)"#, "$options": "i"])
    }

    @Test func theAuthorNarrowsTheScope() {
        let query = MessageSearchDocuments.query(
            for: MessageSearch(text: "deploy", channelIds: [channel], userId: Fixtures.userId, limit: 5))
        #expect(query?.filter.keys == ["channelId", "userId", "isDeleted", "text", "$or"])
        #expect(query?.filter["userId"] == ["$in": [.objectId(Fixtures.userId), .string(Fixtures.userId.hexString)]])
    }

    @Test func oneOrTwoCharactersUseTheSubstringAloneNewestFirst() {
        for text in ["ok", "東京", "é", "%"] {
            let query = MessageSearchDocuments.query(for: MessageSearch(text: text, channelIds: [channel], limit: 3, offset: 6))
            var filter = scope
            filter["text"] = ["$regex": .string(MongoRegex.escape(text)), "$options": "i"]
            #expect(
                query
                    == MessageSearchDocuments.Query(
                        filter: filter,
                        pipeline: [
                            ["$match": .document(filter)], ["$sort": ["createdAt": -1, "_id": -1]], ["$skip": .int64(6)],
                            ["$limit": .int64(3)],
                        ],
                        usesGrams: false),
                "\(text)")
        }
    }

    @Test func nothingToSearchSendsNothing() {
        #expect(MessageSearchDocuments.query(for: MessageSearch(text: "  \n", channelIds: [channel])) == nil)
        #expect(MessageSearchDocuments.query(for: MessageSearch(text: "hello", channelIds: [])) == nil)
        let noPage = MessageSearchDocuments.query(for: MessageSearch(text: "hello", channelIds: [channel], limit: 0))
        #expect(noPage?.pipeline == nil, "the total is still counted")
        #expect(noPage?.filter["$or"] != nil)
    }
}
