import CMongoc

extension BSONDocument {
    /// Builds a temporary `bson_t` holding this document, valid only inside `body`.
    /// libmongoc calls borrow their arguments, so nothing outlives the call. The pointer is a
    /// `bson_t *` (opaque in Swift, see `NativeBSONStorage`).
    public func withBSON<Result>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
        guard let bson = bson_new() else { throw BSONError.appendFailed(key: "") }
        defer { bson_destroy(bson) }
        try BSONWriter.append(self, to: bson)
        return try body(bson)
    }

    /// Reads a document that libbson or libmongoc handed over (a cursor result, a reply).
    public init(bson: OpaquePointer) throws {
        self = try BSONReader.document(from: bson)
    }

    /// Parses raw BSON bytes; throws `BSONError.malformed` on anything that is not a document.
    public init(bytes: [UInt8]) throws {
        self = try BSONReader.document(fromBytes: bytes)
    }

    /// The document's BSON bytes, as libbson writes them.
    public func bytes() throws -> [UInt8] {
        try withBSON { bson in
            guard let data = bson_get_data(bson) else { return [] }
            return Array(UnsafeBufferPointer(start: data, count: BSONDocument.length(of: data)))
        }
    }

    /// A BSON document starts with its total length as a little-endian int32.
    private static func length(of data: UnsafePointer<UInt8>) -> Int {
        (0..<4).reduce(0) { total, index in total | Int(data[index]) << (8 * index) }
    }
}
