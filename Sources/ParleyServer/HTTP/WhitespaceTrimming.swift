import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation's bridging when there is
    /// nothing to trim — the case of every well-formed header, read on every request (that
    /// call was ~6 % of a posted message's CPU). Text starting or ending with anything but
    /// printable ASCII takes Foundation's path, so the result is always the same.
    var trimmingWhitespace: String {
        let text = String(self)
        guard let first = text.utf8.first, let last = text.utf8.last, Self.isPrintableASCII(first), Self.isPrintableASCII(last) else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
