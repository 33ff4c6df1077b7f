import Foundation
import Testing

@testable import ParleyServer

/// The fast paths for header tokens and query values give what the Foundation calls they skip
/// would have given.
@Suite struct HeaderAndQueryTextTests {
    @Test(arguments: ["abc.def-ghi", "  abc", "abc\t", "\u{00A0}abc\u{2003}", "a b", "", " ", "é", "abc é", "\u{3000}x"])
    func trimmingWhitespaceIsFoundationsTrimming(text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
        let bearer = "Bearer " + text
        #expect(bearer.dropFirst(7).trimmingWhitespace == bearer.dropFirst(7).trimmingCharacters(in: .whitespaces))
    }

    @Test func queryValuesAreFormDecodedWhetherOrNotTheyNeedIt() {
        let query = FormQuery("limit=50&q=hello+world&plus=1%2B1&bad=%zz&id=507f1f77bcf86cd799439011&empty=&caf=caf%C3%A9")
        #expect(query["limit"] == "50")
        #expect(query["q"] == "hello world")
        #expect(query["plus"] == "1+1")
        #expect(query["bad"] == "%zz")
        #expect(query["id"] == "507f1f77bcf86cd799439011")
        #expect(query["empty"] == "")
        #expect(query["caf"] == "café")
        #expect(query["missing"] == nil)
    }
}
