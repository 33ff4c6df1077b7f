import HTTPTypes
import Hummingbird

/// The `<scheme>://<host>` that upload URLs start with. `PUBLIC_URL` when configured (the
/// right choice behind a proxy); otherwise the request's Host header — checked to be a plain
/// host and port, so a forged header cannot inject anything into the URL — and
/// https when `X-Forwarded-Proto` says so.
enum PublicBaseURL {
    static func of(_ request: Request, configured: String?) -> String {
        of(authority: request.head.authority, headers: request.headers, configured: configured)
    }

    /// The same for a request known by its Host and headers (a socket's handshake).
    static func of(authority: String?, headers: HTTPFields, configured: String?) -> String {
        if let configured { return configured }
        let forwarded = headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased()
        let scheme = forwarded == "https" ? "https" : "http"
        let host = authority ?? ""
        let allowed = host.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || [46, 45, 58, 91, 93].contains(byte)
        }
        return "\(scheme)://\(allowed && !host.isEmpty && host.utf8.count <= 255 ? host : "localhost")"
    }
}
