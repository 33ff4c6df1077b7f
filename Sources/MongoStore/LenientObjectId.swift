import ParleyCore

/// An array element that should be an ObjectId but, in old data, may be anything. A BSON
/// objectId or a 24-hex string is an id; any other value decodes as nil and is skipped by the
/// caller, instead of making the whole document unreadable.
struct LenientObjectId: Decodable {
    let id: ObjectId?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(ObjectId.self) {
            self.id = id
        } else if let text = try? container.decode(String.self) {
            self.id = ObjectId(text)
        } else {
            self.id = nil
        }
    }
}
