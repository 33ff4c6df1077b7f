import Foundation
import ParleyCore
import Testing

@Suite struct ObjectIdTests {
    @Test func hexRoundTripIsLowercaseAnd24Characters() throws {
        let id = ObjectId()
        #expect(id.hexString.count == 24)
        #expect(id.hexString == id.hexString.lowercased())
        #expect(ObjectId(id.hexString) == id)
        #expect(ObjectId("507F1F77BCF86CD799439011")?.hexString == "507f1f77bcf86cd799439011")
    }

    @Test(arguments: ["", "123", "invalid-id", "507f1f77bcf86cd79943901g", "507f1f77bcf86cd7994390111", " 07f1f77bcf86cd799439011"])
    func malformedTextIsNotAnId(text: String) {
        #expect(ObjectId(text) == nil)
    }

    @Test func timestampIsTheCreationSecondAndIdsAreUnique() {
        let date = Date(timeIntervalSince1970: 1_736_899_200)
        #expect(ObjectId(date: date).timestamp == date)
        let ids = Set((0..<10_000).map { _ in ObjectId() })
        #expect(ids.count == 10_000)
    }

    @Test func codableUsesTheHexString() throws {
        let id = try #require(ObjectId("507f1f77bcf86cd799439011"))
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == #"["507f1f77bcf86cd799439011"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ObjectId].self, from: Data(#"["nope"]"#.utf8)) }
    }
}
