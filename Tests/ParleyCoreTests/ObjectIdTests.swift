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

    @Test func bytesRoundTripAndIdsSortAsTheirBytesAndHexDo() throws {
        let id = try #require(ObjectId("507f1f77bcf86cd799439011"))
        #expect(id.bytes == [0x50, 0x7f, 0x1f, 0x77, 0xbc, 0xf8, 0x6c, 0xd7, 0x99, 0x43, 0x90, 0x11])
        #expect(ObjectId(bytes: id.bytes) == id)
        #expect(ObjectId(bytes: Array(id.bytes.prefix(11))) == nil)
        // Ids that differ only in the last bytes, or only in the first, sort by byte order.
        let texts = ["507f1f77bcf86cd799439012", "507f1f77bcf86cd7994390ff", "ff7f1f77bcf86cd799439011", "007f1f77bcf86cd799439011",
                     "507f1f77bcf86cd899439011"]
        let ids = texts.compactMap(ObjectId.init)
        #expect(ids.sorted().map(\.hexString) == texts.sorted())
        #expect(ids.sorted().map(\.bytes) == ids.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func codableUsesTheHexString() throws {
        let id = try #require(ObjectId("507f1f77bcf86cd799439011"))
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == #"["507f1f77bcf86cd799439011"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ObjectId].self, from: Data(#"["nope"]"#.utf8)) }
    }
}
