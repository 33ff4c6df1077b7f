import CVips
import Foundation

/// Real files made during the test: images written by libvips, documents written by hand,
/// and the hostile ones a server must refuse whatever they are called.
enum SampleFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A `width` × `height` colour gradient in the format `fileExtension` names (png, jpg, gif, webp).
    static func image(_ fileExtension: String, width: Int, height: Int) throws -> Data {
        try written(fileExtension, "a \(fileExtension)") { parley_vips_write_gradient($0, Int32(width), Int32(height)) }
    }

    /// A `width` × `height` grey PNG of noise: it barely compresses, so its size is about
    /// width × height bytes.
    static func noisePNG(width: Int, height: Int) throws -> Data {
        try written("png", "a noise png") { parley_vips_write_noise($0, Int32(width), Int32(height)) }
    }

    /// The bytes libvips wrote to a temporary file of that extension (removed afterwards).
    private static func written(_ fileExtension: String, _ what: String, by write: (String) -> Int32) throws -> Data {
        guard parley_vips_init() == 0 else { throw Failure(description: "libvips did not start") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString).\(fileExtension)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard write(path) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "libvips could not write \(what)")
        }
        return data
    }

    /// A JPEG carrying an EXIF block (camera make and a GPS position), as a phone writes it.
    static func jpegWithEXIF(width: Int, height: Int) throws -> Data {
        let jpeg = try image("jpg", width: width, height: height)
        var result = Data(jpeg.prefix(2))  // SOI
        let exif = exifBlock()
        result.append(contentsOf: [0xFF, 0xE1, UInt8((exif.count + 2) >> 8), UInt8((exif.count + 2) & 0xFF)])
        result.append(exif)
        result.append(jpeg.dropFirst(2))
        return result
    }

    static let cameraMake = "ParleyTestCam"

    /// "Exif\0\0" then a big-endian TIFF: IFD0 with Make and a GPS IFD pointer; the GPS IFD
    /// with a latitude reference.
    private static func exifBlock() -> Data {
        var tiff: [UInt8] = Array("MM".utf8) + [0x00, 0x2A] + be32(8)
        let make = Array(cameraMake.utf8) + [0]
        let ifd0Size = 2 + 2 * 12 + 4
        let gpsOffset = 8 + ifd0Size
        let gpsSize = 2 + 12 + 4
        let makeOffset = gpsOffset + gpsSize
        tiff += be16(2)
        tiff += be16(0x010F) + be16(2) + be32(UInt32(make.count)) + be32(UInt32(makeOffset))
        tiff += be16(0x8825) + be16(4) + be32(1) + be32(UInt32(gpsOffset))
        tiff += be32(0)
        tiff += be16(1)
        tiff += be16(0x0001) + be16(2) + be32(2) + Array("N".utf8) + [0, 0, 0]
        tiff += be32(0)
        tiff += make
        return Data(Array("Exif".utf8) + [0, 0] + tiff)
    }

    private static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    private static func be32(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }

    static let pdf = Data(
        """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
        trailer << /Root 1 0 R >>
        %%EOF

        """.utf8)

    static let text = Data("Meeting notes\nBring the slides.\n".utf8)

    static let html = Data("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n".utf8)

    static let shellScript = Data("#!/bin/sh\nrm -rf \"$HOME\"\n".utf8)

    static let svg = Data(
        """
        <?xml version="1.0"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>

        """.utf8)

    /// A real executable from this machine.
    static func executable() throws -> Data {
        guard let data = FileManager.default.contents(atPath: "/bin/true") else { throw Failure(description: "no /bin/true") }
        return data
    }
}
