import Foundation
import ParleyCore
import Testing

@testable import MongoStore

/// BSONEncoder / BSONDecoder: Codable straight to and from documents.
struct BSONCodableTests {
    struct Sample: Codable, Equatable {
        var small: Int
        var large: Int
        var int32: Int32
        var int64: Int64
        var double: Double
        var flag: Bool
        var text: String
        var when: Date
        var id: ObjectId
        var missing: String?
        var list: [Int]
        var nested: Inner
        var ids: [ObjectId]
        var optionalList: [String?]
    }

    struct Inner: Codable, Equatable {
        var name: String
        var tags: [String]
    }

    private let sample = Sample(
        small: 42, large: 5_000_000_000, int32: -7, int64: 9, double: 0.5, flag: true, text: "x",
        when: Fixtures.createdAt, id: Fixtures.userId, missing: nil, list: [1, 2], nested: Inner(name: "n", tags: ["a"]),
        ids: [Fixtures.groupId], optionalList: ["a", nil])

    @Test func encodesToTheExpectedBSONTypes() throws {
        let document = try BSONEncoder().encode(sample)
        #expect(document["small"] == .int32(42), "Int fitting in 32 bits is int32")
        #expect(document["large"] == .int64(5_000_000_000), "larger Int is int64")
        #expect(document["int32"] == .int32(-7))
        #expect(document["int64"] == .int64(9))
        #expect(document["when"] == .date(Fixtures.createdAt), "Date is a BSON datetime, not a number or string")
        #expect(document["id"] == .objectId(Fixtures.userId), "ObjectId is a BSON ObjectId, not its hex string")
        #expect(document["missing"] == .null, "nil optional is written as null")
        #expect(document["nested"] == ["name": "n", "tags": ["a"]])
        #expect(document["ids"] == [.objectId(Fixtures.groupId)])
        #expect(document["optionalList"] == ["a", .null])
        #expect(document.keys.first == "small", "keys keep declaration order")
    }

    @Test func roundTripsThroughLibbson() throws {
        let document = try BSONEncoder().encode(sample)
        let stored = try BSONDocument(bytes: document.bytes())
        #expect(try BSONDecoder().decode(Sample.self, from: stored) == sample)
    }

    @Test func userAndSessionRoundTripThroughTheirOwnCodable() throws {
        let user = Fixtures.user
        let userBack = try BSONDecoder().decode(User.self, from: BSONDocument(bytes: BSONEncoder().encode(user).bytes()))
        #expect(userBack == user)
        let session = Fixtures.session
        let sessionBack = try BSONDecoder().decode(
            AuthSession.self, from: BSONDocument(bytes: BSONEncoder().encode(session).bytes()))
        #expect(sessionBack == session)
    }

    @Test func integersAcceptAnyLosslessNumber() throws {
        struct Numbers: Decodable { var a: Int; var b: Int; var c: Int; var d: Int32; var e: Double }
        let numbers = try BSONDecoder().decode(
            Numbers.self, from: ["a": .int32(1), "b": .int64(2), "c": .double(3), "d": .int64(4), "e": .int32(5)])
        #expect(numbers.a == 1 && numbers.b == 2 && numbers.c == 3 && numbers.d == 4 && numbers.e == 5)
    }

    @Test func lossyNumbersThrow() {
        struct One: Decodable { var value: Int32 }
        #expect(throws: DecodingError.self) { try BSONDecoder().decode(One.self, from: ["value": .double(1.5)]) }
        #expect(throws: DecodingError.self) { try BSONDecoder().decode(One.self, from: ["value": .int64(1 << 40)]) }
        struct Unsigned: Decodable { var value: UInt8 }
        #expect(throws: DecodingError.self) { try BSONDecoder().decode(Unsigned.self, from: ["value": .int32(-1)]) }
    }

    @Test func wrongTypesThrowTypeMismatch() {
        struct Text: Decodable { var value: String }
        struct When: Decodable { var value: Date }
        struct Id: Decodable { var value: ObjectId }
        struct Flag: Decodable { var value: Bool }
        func isTypeMismatch(_ body: () throws -> Void) -> Bool {
            do {
                try body()
                return false
            } catch DecodingError.typeMismatch {
                return true
            } catch {
                return false
            }
        }
        #expect(isTypeMismatch { _ = try BSONDecoder().decode(Text.self, from: ["value": 1]) })
        #expect(isTypeMismatch { _ = try BSONDecoder().decode(When.self, from: ["value": "2024-01-01"]) })
        #expect(isTypeMismatch { _ = try BSONDecoder().decode(When.self, from: ["value": .int64(1_700_000_000_000)]) })
        #expect(isTypeMismatch { _ = try BSONDecoder().decode(Id.self, from: ["value": "5f1d7f3a9b1e8a0012345678"]) })
        #expect(isTypeMismatch { _ = try BSONDecoder().decode(Flag.self, from: ["value": 1]) })
        #expect(isTypeMismatch { _ = try BSONDecoder().decode(Text.self, from: ["value": ["nested": 1]]) })
        #expect(isTypeMismatch { _ = try BSONDecoder().decode([String].self, fromValue: ["a": 1]) })
    }

    @Test func missingAndNullRequiredValuesThrow() {
        struct Text: Decodable { var value: String }
        #expect(throws: DecodingError.self) { try BSONDecoder().decode(Text.self, from: [:]) }
        #expect(throws: DecodingError.self) { try BSONDecoder().decode(Text.self, from: ["value": nil]) }
        struct List: Decodable { var value: [Int] }
        #expect(throws: DecodingError.self) { try BSONDecoder().decode(List.self, from: ["value": [1, "two"]]) }
    }

    @Test func optionalsAcceptMissingAndNull() throws {
        struct Maybe: Codable, Equatable { var value: String? }
        #expect(try BSONDecoder().decode(Maybe.self, from: [:]) == Maybe(value: nil))
        #expect(try BSONDecoder().decode(Maybe.self, from: ["value": nil]) == Maybe(value: nil))
        #expect(try BSONDecoder().decode(Maybe.self, from: ["value": "x"]) == Maybe(value: "x"))
    }

    @Test func topLevelNonDocumentCannotBeADocument() {
        #expect(throws: EncodingError.self) { try BSONEncoder().encode(5) }
        #expect(throws: EncodingError.self) { try BSONEncoder().encode(UInt64.max) }
    }

    @Test func encodeValueForFilters() throws {
        #expect(try BSONEncoder().encodeValue(Role.superAdmin) == "super_admin")
        #expect(try BSONEncoder().encodeValue([Role.user]) == ["user"])
    }
}
