import Foundation
import ParleyCore

/// Server-generated file names, and reading a name a client sends back.
///
/// A generated name is 32 lowercase hex digits (128 random bits, so names cannot be guessed)
/// and the extension of the detected type: `3f9c…e1.png`. An image's thumbnail is the same
/// name with `_thumb` before the extension.
enum UploadName {
    static func generate(fileExtension: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
        return "\(digits).\(fileExtension)"
    }

    static func thumbnail(of name: String) -> String {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        return String(name[..<dot]) + "_thumb" + String(name[dot...])
    }

    /// The stored name a thumbnail belongs to, or nil for a name that is not a thumbnail's.
    static func original(ofThumbnail name: String) -> String? {
        guard let range = name.range(of: "_thumb.", options: .backwards) else { return nil }
        return name.replacingCharacters(in: range, with: ".")
    }

    /// Whether `name` has the shape of a generated name (or its thumbnail's).
    static func isGenerated(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        var stem = parts[0]
        if stem.hasSuffix("_thumb") { stem = stem.dropLast("_thumb".count) }
        let hex = stem.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        let fileExtension = parts[1].utf8.allSatisfy { (48...57).contains($0) || (97...122).contains($0) }
        return stem.utf8.count == 32 && hex && (1...5).contains(parts[1].utf8.count) && fileExtension
    }

    /// Reads a name from a path parameter, query or body: percent-decoded once, optionally
    /// after a folder (`images/<name>`, as the old server's clients send it) or as a whole
    /// upload URL. Traversal — `..`, a backslash, a NUL byte, an absolute path, any other
    /// folder — answers 400; a name Parley could not have generated answers 404. Nothing
    /// here ever reaches the file system.
    static func parse(_ raw: String) throws -> (folder: UploadKind?, name: String) {
        guard var text = raw.removingPercentEncoding else { throw invalid }
        if let url = URL(string: text), url.scheme != nil { text = url.path }
        if text.hasPrefix("/uploads/") { text.removeFirst("/uploads/".count) }
        if text.contains("\0") || text.contains("..") || text.contains("\\") || text.hasPrefix("/") { throw invalid }
        var folder: UploadKind?
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        switch pieces.count {
        case 1: break
        case 2:
            guard let kind = UploadKind(folder: String(pieces[0])) else { throw invalid }
            folder = kind
        default: throw invalid
        }
        let name = String(pieces[pieces.count - 1])
        guard isGenerated(name) else { throw notFound }
        return (folder, name)
    }

    static let invalid = DomainError.validation("Invalid file name")
    static let notFound = DomainError.notFound("File not found")
}
