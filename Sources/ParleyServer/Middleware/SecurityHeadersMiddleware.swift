import HTTPTypes
import Hummingbird

/// The helmet headers the old server sent, tightened where the contract asks (frames denied).
/// Cross-origin resource policy stays `cross-origin` so other origins can show uploaded images.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: HTTPFields {
        var fields = HTTPFields()
        fields[.xContentTypeOptions] = "nosniff"
        fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
        fields[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        fields[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "cross-origin"
        fields[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        fields[HTTPField.Name("X-DNS-Prefetch-Control")!] = "off"
        fields[HTTPField.Name("X-Permitted-Cross-Domain-Policies")!] = "none"
        fields[HTTPField.Name("Content-Security-Policy")!] = "default-src 'none'; frame-ancestors 'none'"
        return fields
    }

    private let fields = Self.headers

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in fields where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}
