import Crypto
import Foundation

/// Hand-made JWTs, signed with HMAC-SHA256 under any header: tokens the server itself would
/// never issue (another `alg`, a missing claim), to check that it refuses them.
enum TestJWT {
    static func sign(header: [String: Any], payload: [String: Any], secret: String = TestApp.accessTokenSecret) throws -> String {
        let input = base64URL(try JSONSerialization.data(withJSONObject: header)) + "." + base64URL(try JSONSerialization.data(withJSONObject: payload))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return input + "." + base64URL(Data(mac))
    }

    /// `payload` under the header the server's own tokens carry (HS256, JWT).
    static func sign(_ payload: [String: Any]) throws -> String {
        try sign(header: ["alg": "HS256", "typ": "JWT"], payload: payload)
    }

    /// The claims of a token the server issued.
    static func payload(of token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { throw TestFailure("not a JWT: \(token)") }
        var text = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text), let claims = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestFailure("unreadable claims in \(token)")
        }
        return claims
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
