/// Failures converting between `BSONDocument` and libbson's binary form.
public enum BSONError: Error, Equatable, Sendable {
    /// The bytes are not a well-formed BSON document (bad length, truncated element, …).
    case malformed(String)
    /// A key holds a NUL byte, which BSON cannot store (keys are C strings).
    case invalidKey(String)
    /// A string holds bytes that are not UTF-8.
    case invalidUTF8(key: String)
    /// libbson refused to append (the document would pass the 2 GiB BSON limit).
    case appendFailed(key: String)
}
