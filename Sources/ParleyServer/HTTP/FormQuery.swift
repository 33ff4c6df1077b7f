import Foundation

/// A URL query string decoded as browsers and HTTP clients encode it
/// (`application/x-www-form-urlencoded`): `+` is a space, `%2B` a literal plus. Hummingbird's
/// `uri.queryParameters` percent-decodes values only and leaves `+` as it is, so
/// `?q=hello+world` would search for "hello+world"; every query read goes through this instead.
struct FormQuery: Sendable {
    private let pairs: [(name: String, value: String)]

    init(_ query: String?) {
        pairs = (query ?? "").split(separator: "&", omittingEmptySubsequences: true).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return (Self.decode(pair), "") }
            return (Self.decode(pair[..<equals]), Self.decode(pair[pair.index(after: equals)...]))
        }
    }

    /// The first value given for `name` (as Express reads a single-valued parameter).
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// `+` becomes a space before percent-decoding, so an encoded plus survives. A malformed
    /// escape is kept as typed rather than refused, as Hummingbird does.
    static func decode(_ text: Substring) -> String {
        // Most values (ids, numbers) have nothing to decode: Foundation's two passes below cost
        // about 3 % of a history page's CPU.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return String(text) }
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
