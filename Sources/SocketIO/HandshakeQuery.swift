import Hummingbird
import HummingbirdCore

/// The query parameters of the request that opened a session, kept as the request sent them
/// and decoded when someone asks: a session lives as long as its connection, and after the
/// handshake its query is rarely looked at again, so an idle connection keeps the short text
/// rather than a dictionary.
struct HandshakeQuery: Sendable {
    private enum Storage: Sendable {
        /// The percent-encoded query of the request URI (nil: it had none).
        case encoded(String?)
        case decoded([String: String])
    }

    private let storage: Storage

    /// The query of `uri`, left encoded.
    init(of uri: URI) {
        storage = .encoded(uri.query)
    }

    init(_ parameters: [String: String]) {
        storage = .decoded(parameters)
    }

    /// The parameters, percent-decoded.
    var parameters: [String: String] {
        switch storage {
        case .decoded(let parameters): parameters
        case .encoded(nil): [:]
        case .encoded(let query?): EngineServer.query(of: URI("/?" + query))
        }
    }
}
