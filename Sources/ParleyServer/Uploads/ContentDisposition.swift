import Foundation

/// The parameters of a part's `Content-Disposition: form-data; name="…"; filename="…"`.
struct ContentDisposition: Equatable {
    var name: String?
    var filename: String?

    /// Splits on `;` outside quotes; values may be quoted with backslash escapes.
    /// `filename*` (RFC 5987, `UTF-8''…`) wins over `filename` when both are sent.
    init(_ header: String) {
        var parameters: [String: String] = [:]
        for piece in Self.split(header).dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            parameters[key] = Self.unquote(piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
        name = parameters["name"]
        filename = parameters["filename*"].flatMap(Self.extendedValue) ?? parameters["filename"]
    }

    private static func split(_ header: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in header {
            if escaped {
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        var result = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }

    private static func extendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return String(pieces[2]).removingPercentEncoding
    }
}
