import Foundation

/// Reads what a person would check in a returned image: its size, and whether it still
/// carries EXIF. Written independently of libvips, which made the file.
enum ImageInspection {
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        return (be32(bytes, 16), be32(bytes, 20))
    }

    /// Walks the JPEG's segments to the frame header.
    static func jpegSize(_ data: Data) -> (width: Int, height: Int)? {
        jpegSegments(data).first { (0xC0...0xCF).contains($0.marker) && ![0xC4, 0xC8, 0xCC].contains($0.marker) }
            .flatMap { segment in
                segment.payload.count >= 5 ? (be16(segment.payload, 3), be16(segment.payload, 1)) : nil
            }
    }

    /// Whether any APP1 segment holds EXIF.
    static func jpegHasEXIF(_ data: Data) -> Bool {
        jpegSegments(data).contains { $0.marker == 0xE1 && $0.payload.starts(with: Array("Exif".utf8)) }
    }

    private static func jpegSegments(_ data: Data) -> [(marker: UInt8, payload: [UInt8])] {
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0xFF, 0xD8]) else { return [] }
        var segments: [(UInt8, [UInt8])] = []
        var index = 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            if marker == 0xDA { break }  // start of scan: entropy-coded data follows
            let length = be16(bytes, index + 2)
            guard length >= 2, index + 2 + length <= bytes.count else { break }
            segments.append((marker, Array(bytes[(index + 4)..<(index + 2 + length)])))
            index += 2 + length
        }
        return segments
    }

    private static func be16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
    private static func be32(_ bytes: [UInt8], _ at: Int) -> Int { be16(bytes, at) << 16 | be16(bytes, at + 2) }
}
