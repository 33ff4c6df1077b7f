import HTTPTypes

/// The request id every log line of a request carries and the response echoes in
/// `X-Request-Id`. A caller's own id (from a proxy or a client that correlates its calls) is
/// kept when it is short and plain; anything else would let a client inject text into logs.
enum RequestIdentifier {
    static let header = HTTPField.Name("X-Request-Id")!

    static func accepted(_ incoming: String?) -> String? {
        guard let incoming, (1...128).contains(incoming.utf8.count) else { return nil }
        let plain = incoming.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
                return true
            default:
                return false
            }
        }
        return plain ? incoming : nil
    }
}
