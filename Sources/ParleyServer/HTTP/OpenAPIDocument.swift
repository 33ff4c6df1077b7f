import Foundation
import Hummingbird

/// The OpenAPI 3.1 document of the REST API (`Resources/openapi.json`, written by
/// `scripts/openapi-document.py`), served as it is stored: the bytes are read once at start-up.
struct OpenAPIDocument: Sendable {
    let json: ByteBuffer

    enum LoadError: Error, CustomStringConvertible {
        case missing
        var description: String { "openapi.json is missing from the ParleyServer resource bundle" }
    }

    /// The document packaged with the module; a missing file is a packaging fault and stops start-up.
    static func bundled() throws -> OpenAPIDocument {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else { throw LoadError.missing }
        return OpenAPIDocument(json: ByteBuffer(data: try Data(contentsOf: url)))
    }

    func response(_ request: Request, context: AppRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: json))
    }
}
