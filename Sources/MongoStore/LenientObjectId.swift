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

extension LenientObjectId {
    /// The same reading for a raw value, such as a `$group` key that may be either form.
    static func id(in value: BSONValue?) -> ObjectId? {
        switch value {
        case .objectId(let id)?: return id
        case .string(let text)?: return ObjectId(text)
        default: return nil
        }
    }
}
