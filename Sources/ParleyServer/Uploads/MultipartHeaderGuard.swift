/// Follows a multipart body through the same states as MultipartKit's `MultipartParser` (4.7)
/// and refuses a byte above 0x7F in a part's header name before the parser sees it: the
/// parser looks such a byte up in a 128-entry table and traps (index out of range), which
/// would take the whole server down on one request. Where the parser would throw, this
/// throws too, so the two never disagree about the state of the next chunk.
struct MultipartHeaderGuard {
    struct Malformed: Error {}

    private enum State {
        case preamble(match: Int)
        case preHeaders(sawCR: Bool)
        case headerName(empty: Bool)
        case headerValue
        case postHeaderValue
        case postHeaders
        case body
        case boundary(match: Int)
        case epilogue
    }

    private static let cr: UInt8 = 13, lf: UInt8 = 10, colon: UInt8 = 58, hyphen: UInt8 = 45

    /// `\r\n--<boundary>`, as the parser matches it.
    private let delimiter: [UInt8]
    private var state = State.preamble(match: 0)

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// Checks one chunk; call before the parser is given it.
    mutating func check(_ bytes: some Sequence<UInt8>) throws {
        for byte in bytes {
            state = try next(after: byte)
        }
    }

    private func next(after byte: UInt8) throws -> State {
        switch state {
        case .preamble(let match):
            // The parser lets the body start at `--<boundary>`, without the leading CRLF.
            let advanced: Int
            if match == 0, byte == delimiter[2] {
                advanced = 3
            } else if byte == delimiter[match] {
                advanced = match + 1
            } else if match > 0, byte == delimiter[0] {
                advanced = 1
            } else {
                advanced = 0
            }
            return advanced >= delimiter.count ? .preHeaders(sawCR: false) : .preamble(match: advanced)
        case .preHeaders(let sawCR):
            if !sawCR, byte == Self.cr { return .preHeaders(sawCR: true) }
            if sawCR, byte == Self.lf { return .headerName(empty: true) }
            throw Malformed()
        case .headerName(let empty):
            if byte == Self.colon, !empty { return .headerValue }
            if byte == Self.cr, empty { return .postHeaders }
            guard byte < 0x80 else { throw Malformed() }
            return .headerName(empty: false)
        case .headerValue:
            return byte == Self.cr ? .postHeaderValue : .headerValue
        case .postHeaderValue:
            guard byte == Self.lf else { throw Malformed() }
            return .headerName(empty: true)
        case .postHeaders:
            guard byte == Self.lf else { throw Malformed() }
            return .body
        case .body:
            return byte == delimiter[0] ? .boundary(match: 1) : .body
        case .boundary(let match):
            if match >= delimiter.count {
                if byte == Self.cr { return .preHeaders(sawCR: true) }
                if byte == Self.hyphen { return .epilogue }
                throw Malformed()
            }
            if byte == delimiter[match] { return .boundary(match: match + 1) }
            return byte == delimiter[0] ? .boundary(match: 1) : .body
        case .epilogue:
            return .epilogue
        }
    }
}
