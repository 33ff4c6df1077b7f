import Hummingbird
import ParleyCore

/// Requires an access token (`Authorization: Bearer …`, else the `accessToken` cookie) and
/// loads the caller from the store, so a deactivated or demoted user is refused at once.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let auth: AuthService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = Self.token(in: request) else {
            throw DomainError.unauthenticated("Access token required")
        }
        let (user, sessionId) = try await auth.authenticate(accessToken: token)
        var context = context
        context.principal = Principal(user: user)
        context.sessionId = sessionId
        context.logger[metadataKey: "user_id"] = .string(user.id.hexString)
        context.trace.userId = user.id.hexString
        return try await next(request, context)
    }

    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = header.dropFirst("Bearer ".count).trimmingWhitespace
            if !token.isEmpty { return token }
        }
        if let cookie = request.cookies["accessToken"]?.value, !cookie.isEmpty {
            return cookie
        }
        return nil
    }
}
