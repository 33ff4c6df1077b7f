import MultipartKit
import NIOCore

/// Collects what MultipartKit's callback parser reports for one chunk, so the reader can then
/// act on it with `await` (the parser's callbacks are synchronous).
final class MultipartEvents {
    enum Event {
        case header(name: String, value: String)
        case body(ByteBuffer)
        case partComplete
    }

    private let parser: MultipartParser
    private var headerGuard: MultipartHeaderGuard
    private var pending: [Event] = []

    init(boundary: String) {
        parser = MultipartParser(boundary: boundary)
        headerGuard = MultipartHeaderGuard(boundary: boundary)
        parser.onHeader = { [unowned self] name, value in self.pending.append(.header(name: name, value: value)) }
        parser.onBody = { [unowned self] buffer in self.pending.append(.body(buffer)) }
        parser.onPartComplete = { [unowned self] in self.pending.append(.partComplete) }
    }

    /// Parses one chunk of the body and returns the events it completed.
    func parse(_ chunk: ByteBuffer) throws -> [Event] {
        defer { pending.removeAll(keepingCapacity: true) }
        // The guard sees every byte first: a non-ASCII header name would crash the parser.
        try headerGuard.check(chunk.readableBytesView)
        try parser.execute(chunk)
        return pending
    }
}
