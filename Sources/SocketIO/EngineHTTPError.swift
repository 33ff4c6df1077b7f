/// The error answers of the reference Engine.IO server: HTTP 400 (403 for `forbidden`) with
/// a JSON body `{"code":<n>,"message":"<text>"}`.
public enum EngineHTTPError: Int, Error, Sendable, Equatable {
    case unknownTransport = 0
    case unknownSessionID = 1
    case badHandshakeMethod = 2
    case badRequest = 3
    case forbidden = 4
    case unsupportedProtocolVersion = 5

    public var message: String {
        switch self {
        case .unknownTransport: return "Transport unknown"
        case .unknownSessionID: return "Session ID unknown"
        case .badHandshakeMethod: return "Bad handshake method"
        case .badRequest: return "Bad request"
        case .forbidden: return "Forbidden"
        case .unsupportedProtocolVersion: return "Unsupported protocol version"
        }
    }

    public var status: Int { self == .forbidden ? 403 : 400 }

    public var jsonBody: String { "{\"code\":\(rawValue),\"message\":\"\(message)\"}" }
}
