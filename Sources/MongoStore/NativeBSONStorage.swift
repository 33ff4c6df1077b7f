/// Memory for one libbson `bson_t` or `bson_iter_t`.
///
/// libbson declares both structs 128-byte aligned so they can live on a C stack; Swift cannot
/// import over-aligned structs and sees them only as `OpaquePointer`. Their sizes are part of
/// libbson's stable ABI (`bson_t` is 128 bytes, `bson_iter_t` fits in 128), so a zeroed
/// 128-byte, 128-aligned block stands in for the C stack variable.
enum NativeBSONStorage {
    static let byteCount = 128
    static let alignment = 128

    static func with<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: alignment)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        defer { raw.deallocate() }
        return try body(OpaquePointer(raw))
    }
}
