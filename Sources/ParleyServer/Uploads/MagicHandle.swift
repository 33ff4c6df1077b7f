import CMagic

/// One libmagic handle with the compiled database loaded, reporting MIME types only.
///
/// `@unchecked Sendable` so that `MagicPool` can hand it between threads; a handle is used by
/// one thread at a time, which is all libmagic asks.
struct MagicHandle: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// Flags: the MIME type alone, errors reported rather than printed as a type, and no
    /// looking inside compressed files (a zip is a zip, whatever it holds).
    static func open() throws -> MagicHandle {
        guard let pointer = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR) else {
            throw NativeLibraryError(library: "libmagic", message: "magic_open failed")
        }
        guard magic_load(pointer, nil) == 0 else {
            let message = magic_error(pointer).map { String(cString: $0) } ?? "magic_load failed"
            magic_close(pointer)
            throw NativeLibraryError(library: "libmagic", message: message)
        }
        return MagicHandle(pointer: pointer)
    }

    func mimeType(ofFileAt path: String) throws -> String {
        guard let type = magic_file(pointer, path) else {
            let message = magic_error(pointer).map { String(cString: $0) } ?? "magic_file failed"
            throw NativeLibraryError(library: "libmagic", message: message)
        }
        return String(cString: type)
    }

    func close() {
        magic_close(pointer)
    }
}
