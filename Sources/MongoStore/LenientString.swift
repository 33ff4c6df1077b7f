/// An array element that should be a string but, in old data, may be anything (the old server
/// stored `tags` from request bodies unchecked). Other values decode as nil and are skipped by
/// the caller rather than making the document unreadable.
struct LenientString: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}
