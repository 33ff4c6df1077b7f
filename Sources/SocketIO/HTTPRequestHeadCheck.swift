import NIOHTTP1

/// What NIO's decoder lets through but no request of ours may carry: a version other than
/// HTTP/1.x, control characters (NUL included) in the target, an over-long target, and
/// framing a proxy in front could read differently (request smuggling): two Content-Lengths,
/// or Content-Length together with Transfer-Encoding.
enum HTTPRequestHeadCheck {
    /// The answer refusing `head`, or nil when it may reach the router.
    static func refusal(of head: HTTPRequestHead, maxURLBytes: Int) -> HTTPErrorAnswer? {
        guard head.version.major == 1, head.version.minor <= 1 else {
            return .badRequest("Unsupported HTTP version")
        }
        guard head.uri.utf8.count <= maxURLBytes else { return .urlTooLong }
        guard !head.uri.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            return .badRequest("Control character in the request target")
        }
        let lengths = head.headers["Content-Length"]
        guard lengths.count <= 1, lengths.first?.contains(",") != true else {
            return .badRequest("Duplicate Content-Length")
        }
        guard lengths.isEmpty || !head.headers.contains(name: "Transfer-Encoding") else {
            return .badRequest("Content-Length together with Transfer-Encoding")
        }
        return nil
    }
}
