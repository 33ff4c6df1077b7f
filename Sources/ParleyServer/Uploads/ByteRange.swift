import Foundation

/// A `Range: bytes=…` request header against a file of `size` bytes. One range only: a
/// request for several is answered with the whole file, which RFC 9110 allows.
enum ByteRange: Equatable {
    /// No usable range: send the whole file.
    case whole
    case part(ClosedRange<Int>)
    /// The range starts past the end (416).
    case unsatisfiable

    init(header: String?, size: Int) {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else {
            self = .whole
            return
        }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else {
            self = .whole
            return
        }
        switch (Int(bounds[0]), Int(bounds[1]), bounds[0].isEmpty, bounds[1].isEmpty) {
        case (let first?, let last?, _, _) where first <= last:
            self = first < size ? .part(first...min(last, size - 1)) : .unsatisfiable
        case (let first?, nil, _, true):
            self = first < size ? .part(first...(size - 1)) : .unsatisfiable
        case (nil, let suffix?, true, _) where suffix > 0:
            self = size > 0 ? .part(max(0, size - suffix)...(size - 1)) : .unsatisfiable
        default:
            // Malformed ranges are ignored (RFC 9110 §14.2), not refused.
            self = .whole
        }
    }
}
