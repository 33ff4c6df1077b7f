import Foundation
import ParleyCore

/// A `data:` URL (RFC 2397) as browsers write one with `FileReader.readAsDataURL`:
/// `data:<media type>[;<parameter>]…[;base64],<data>`. Parsed only far enough to hand its bytes
/// to the upload checks: the declared type must claim an image, but the content decides.
struct DataURL: Sendable {
    /// The declared media type, lowercased and without parameters; "" when none was given.
    let mediaType: String
    let bytes: Data

    static let malformed = DomainError.validation("The image is not a valid data URL")
    static let notAnImage = DomainError.unsupportedMediaType("Only image files are allowed!")

    static func isDataURL(_ text: String) -> Bool {
        text.prefix(5).lowercased() == "data:"
    }

    /// Nil when `text` is not a data URL at all. A data URL that cannot be read is a 400, one
    /// that does not claim an image a 415, and one whose content is larger than `maximumBytes`
    /// a 413 — checked on the encoded length first, so nothing oversized is ever decoded.
    static func image(from text: String, maximumBytes: Int) throws -> DataURL? {
        guard isDataURL(text) else { return nil }
        guard let comma = text.firstIndex(of: ",") else { throw malformed }
        var parameters = text[text.index(text.startIndex, offsetBy: 5)..<comma].split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let isBase64 = parameters.last == "base64"
        if isBase64 { parameters.removeLast() }
        let mediaType = parameters.first ?? ""
        guard mediaType.hasPrefix("image/") else { throw notAnImage }
        let payload = text[text.index(after: comma)...]
        // Base64 is 4 characters per 3 bytes, percent-encoding at least 1 per byte.
        let encodedLimit = isBase64 ? (maximumBytes + 2) / 3 * 4 : maximumBytes * 3
        guard payload.utf8.count <= encodedLimit else { throw UploadLimits.fileTooLarge(maximumBytes) }
        guard let bytes = isBase64 ? Data(base64Encoded: String(payload)) : percentDecoded(payload), !bytes.isEmpty else {
            throw malformed
        }
        guard bytes.count <= maximumBytes else { throw UploadLimits.fileTooLarge(maximumBytes) }
        return DataURL(mediaType: mediaType, bytes: bytes)
    }

    /// The bytes of a data URL without `;base64`; nil when a `%` is not followed by two hex digits.
    private static func percentDecoded(_ text: Substring) -> Data? {
        var bytes = Data()
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// 0…15 for an ASCII hex digit (a byte is never a full-width one), else nil.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        Character(Unicode.Scalar(byte)).hexDigitValue.map { UInt8(truncatingIfNeeded: $0) }
    }
}
