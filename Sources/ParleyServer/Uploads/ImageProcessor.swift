import CVips
import NIOPosix

/// libvips, for checking that an image decodes and for making avatars and thumbnails. Made
/// once by the app builder; every operation runs on the thread pool, since decoding and
/// resizing take milliseconds to seconds of CPU.
struct ImageProcessor: Sendable {
    /// Larger images are refused before decoding (a small file can claim gigapixels).
    static let maximumPixels: Int64 = 50_000_000

    let threadPool: NIOThreadPool

    /// libvips keeps process-wide state and `vips_init` must not run on two threads at once
    /// (apps built side by side, as the tests do, crashed inside GLib), so it runs exactly once
    /// per process: a static `let` is initialised once, under the runtime's lock. The operation
    /// cache is turned off: every upload is a new file, and cached operations would keep files
    /// open after they are removed.
    private static let libraryStarted: Bool = {
        guard parley_vips_init() == 0 else { return false }
        vips_cache_set_max(0)
        return true
    }()

    init(threadPool: NIOThreadPool) throws {
        guard Self.libraryStarted else { throw Self.failure("vips_init") }
        self.threadPool = threadPool
    }

    /// Width and height once every pixel has decoded; nil when the file is not an image libvips
    /// can fully read, or is larger than `maximumPixels`.
    func decodedSize(ofFileAt path: String) async throws -> (width: Int, height: Int)? {
        try await threadPool.runIfActive {
            var width: Int32 = 0
            var height: Int32 = 0
            guard parley_vips_verify(path, Self.maximumPixels, &width, &height) == 0 else {
                vips_error_clear()
                return nil
            }
            return (Int(width), Int(height))
        }
    }

    /// Crops to the centre, scales to `side` × `side` and writes without metadata (EXIF, GPS,
    /// XMP, ICC) in the format `output`'s extension names.
    func writeSquare(from input: String, to output: String, side: Int) async throws {
        try await run("square thumbnail") { parley_vips_thumbnail(input, output, Int32(side), Int32(side), 1) }
    }

    /// Shrinks (never enlarges) to fit in `side` × `side`, without metadata.
    func writeThumbnail(from input: String, to output: String, side: Int) async throws {
        try await run("thumbnail") { parley_vips_thumbnail(input, output, Int32(side), Int32(side), 0) }
    }

    private func run(_ operation: String, _ body: @escaping @Sendable () -> Int32) async throws {
        try await threadPool.runIfActive {
            guard body() == 0 else { throw Self.failure(operation) }
        }
    }

    private static func failure(_ operation: String) -> NativeLibraryError {
        let message = vips_error_buffer().map { String(cString: $0) } ?? ""
        vips_error_clear()
        return NativeLibraryError(library: "libvips", message: "\(operation) failed: \(message)")
    }
}
