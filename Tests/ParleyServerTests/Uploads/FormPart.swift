import Foundation

/// One part of a multipart form a test sends: a file (with a name and a declared type, both
/// of which the server must ignore when deciding the type) or a plain field.
struct FormPart: Sendable {
    let field: String
    let filename: String?
    let contentType: String?
    let data: Data

    static func file(_ field: String, _ filename: String, _ contentType: String, _ data: Data) -> FormPart {
        FormPart(field: field, filename: filename, contentType: contentType, data: data)
    }

    static func text(_ field: String, _ value: String) -> FormPart {
        FormPart(field: field, filename: nil, contentType: nil, data: Data(value.utf8))
    }

    /// A `multipart/form-data` body with these parts.
    static func body(_ parts: [FormPart], boundary: String) -> Data {
        var body = Data()
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.field)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"" }
            head += "\r\n"
            if let contentType = part.contentType { head += "Content-Type: \(contentType)\r\n" }
            head += "\r\n"
            body.append(Data(head.utf8))
            body.append(part.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return body
    }
}
