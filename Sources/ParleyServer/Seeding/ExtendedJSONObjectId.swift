import ParleyCore

/// An id as the seed files keep it: MongoDB Extended JSON v2 `{"$oid": "…"}`, so that
/// `mongoimport` and Node's `EJSON.parse` read the same files. A plain hex string is accepted too.
struct ExtendedJSONObjectId: Decodable, Sendable {
    let value: ObjectId

    private enum CodingKeys: String, CodingKey {
        case oid = "$oid"
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self) {
            value = try container.decode(ObjectId.self, forKey: .oid)
        } else {
            value = try decoder.singleValueContainer().decode(ObjectId.self)
        }
    }
}
