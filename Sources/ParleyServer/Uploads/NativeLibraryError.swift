/// A failure inside libmagic or libvips. Logged with its text; clients see only
/// "Internal server error", as for any other fault.
struct NativeLibraryError: Error, CustomStringConvertible {
    let library: String
    let message: String

    var description: String { "\(library): \(message)" }
}
