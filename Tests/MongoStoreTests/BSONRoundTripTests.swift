import Foundation
import ParleyCore
import Testing

@testable import MongoStore

/// Documents go through a real libbson `bson_t` and its bytes, and come back unchanged.
struct BSONRoundTripTests {
    private func roundTrip(_ document: BSONDocument) throws -> BSONDocument {
        let viaPointer = try document.withBSON { try BSONDocument(bson: $0) }
        let viaBytes = try BSONDocument(bytes: document.bytes())
        #expect(viaPointer == viaBytes)
        return viaBytes
    }

    @Test func everyValueTypeSurvives() throws {
        let id = ObjectId()
        let document: BSONDocument = [
            "double": .double(3.25),
            "string": .string("héllo wörld ✓"),
            "document": ["inner": .int32(1)],
            "array": [.int32(1), .string("two"), .null],
            "objectId": .objectId(id),
            "true": .bool(true),
            "false": .bool(false),
            "date": .date(Fixtures.createdAt),
            "null": .null,
            "int32": .int32(Int32.min),
            "int64": .int64(Int64.max),
        ]
        let back = try roundTrip(document)
        #expect(back == document)
        #expect(back.keys == document.keys, "order is kept")
        #expect(back["objectId"] == .objectId(id))
    }

    @Test func nestedDocumentsAndArraysOfDocuments() throws {
        let document: BSONDocument = [
            "members": [
                ["userId": .objectId(Fixtures.userId), "role": "admin", "joinedAt": .date(Fixtures.createdAt)],
                ["userId": .objectId(Fixtures.groupId), "role": "member", "tags": [[], ["deep": [1, 2, 3]]]],
            ],
            "empty": [:],
            "emptyArray": [],
        ]
        #expect(try roundTrip(document) == document)
    }

    @Test func datesKeepMilliseconds() throws {
        let dates = [
            Date(timeIntervalSince1970: 0),
            Date(timeIntervalSince1970: 1_700_000_000.001),
            Date(timeIntervalSince1970: 1_700_000_000.999),
            Date(timeIntervalSince1970: -86_400.5),
        ]
        for date in dates {
            #expect(try roundTrip(["at": .date(date)]) == ["at": .date(date)])
        }
        // Finer than a millisecond is rounded to the nearest one.
        let fine = Date(timeIntervalSince1970: 1_700_000_000.123_4)
        #expect(try roundTrip(["at": .date(fine)]) == ["at": .date(Date(timeIntervalSince1970: 1_700_000_000.123))])
    }

    @Test func stringsWithNulAndEmptyStrings() throws {
        let document: BSONDocument = ["nul": "a\u{0}b", "empty": "", "emoji": "👩‍👩‍👧"]
        #expect(try roundTrip(document) == document)
    }

    @Test func integerLimitsAndDoubles() throws {
        let document: BSONDocument = [
            "i32max": .int32(.max), "i32min": .int32(.min), "i64min": .int64(.min), "zero": .int64(0),
            "negative": .double(-0.5), "large": .double(1e300),
        ]
        #expect(try roundTrip(document) == document)
    }

    @Test func bytesMatchTheBSONSpecification() throws {
        // {"a": 1} is 12 bytes: length, type 0x10 (int32), "a\0", 1, terminator.
        #expect(try (["a": 1] as BSONDocument).bytes() == [12, 0, 0, 0, 0x10, 0x61, 0, 1, 0, 0, 0, 0])
    }

    @Test func keyWithNulIsRefused() {
        #expect(throws: BSONError.invalidKey("a\u{0}b")) {
            try (["a\u{0}b": 1] as BSONDocument).bytes()
        }
    }

    @Test func malformedBytesThrow() throws {
        let good = try (["name": "bob", "list": [1, 2]] as BSONDocument).bytes()
        #expect(throws: BSONError.self) { try BSONDocument(bytes: []) }
        #expect(throws: BSONError.self) { try BSONDocument(bytes: Array(good.dropLast())) }
        var wrongLength = good
        wrongLength[0] = wrongLength[0] &+ 4
        #expect(throws: BSONError.self) { try BSONDocument(bytes: wrongLength) }
        // A string element claiming to be longer than the document.
        var badString = good
        if let index = badString.firstIndex(of: 0x02) {
            badString[index + 6] = 0x7F
        }
        #expect(throws: BSONError.self) { try BSONDocument(bytes: badString) }
        // An unknown element type byte.
        var badType = good
        badType[4] = 0x7A
        #expect(throws: BSONError.self) { try BSONDocument(bytes: badType) }
    }

    @Test func invalidUTF8Throws() throws {
        // {"s": "\xFF"} written by hand: type 0x02, key "s", length 2, bytes FF 00.
        let bytes: [UInt8] = [14, 0, 0, 0, 0x02, 0x73, 0, 2, 0, 0, 0, 0xFF, 0, 0]
        #expect(throws: BSONError.invalidUTF8(key: "s")) { try BSONDocument(bytes: bytes) }
    }

    @Test func unsupportedTypesAreSkipped() throws {
        // {"bin": BinData(0, "ab"), "n": 1}: a binary field another program wrote.
        let bytes: [UInt8] = [
            24, 0, 0, 0,
            0x05, 0x62, 0x69, 0x6E, 0, 2, 0, 0, 0, 0, 0x61, 0x62,
            0x10, 0x6E, 0, 1, 0, 0, 0,
            0,
        ]
        #expect(try BSONDocument(bytes: bytes) == ["n": 1])
    }
}
