import Hummingbird
import ParleyCore

/// `/api/auth`: decodes and checks input, calls `AuthService`, shapes the envelopes.
struct AuthController: Sendable {
    let auth: AuthService
    let bodyLimit: Int

    func register(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Envelope<AuthResultView>> {
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let username = try body.trimmedString("username"), let email = try body.trimmedString("email"),
            let password = try body.string("password"), !password.isEmpty
        else { throw DomainError.validation("All fields are required") }
        // The legacy client sends no confirmPassword; when it is sent it must match.
        if let confirm = try body.string("confirmPassword"), confirm != password {
            throw DomainError.validation("Passwords do not match")
        }
        let credentials = try await auth.register(
            NewAccount(username: username, email: email, password: password), client: Self.client(request, context))
        return EditedResponse(
            status: .created, response: Envelope(data: Self.view(credentials), message: "User registered successfully"))
    }

    func login(_ request: Request, context: AppRequestContext) async throws -> Envelope<AuthResultView> {
        let body = try await JSONBody.read(request, limit: bodyLimit)
        // `username` may hold a username or an email; `{email, password}` is accepted too.
        let identifier = try body.trimmedString("username") ?? body.trimmedString("email")
        guard let identifier, let password = try body.string("password"), !password.isEmpty else {
            throw DomainError.validation("Username and password are required")
        }
        let credentials = try await auth.login(identifier: identifier, password: password, client: Self.client(request, context))
        return Envelope(data: Self.view(credentials), message: "Login successful")
    }

    func refresh(_ request: Request, context: AppRequestContext) async throws -> Envelope<AuthResultView> {
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let token = try body.trimmedString("refreshToken") else {
            throw DomainError.validation("Refresh token is required")
        }
        return Envelope(data: Self.view(try await auth.refresh(token: token)), message: "Token refreshed successfully")
    }

    /// Needs no token (the client calls it on every 401); revokes what it can identify.
    func logout(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        let body = try await JSONBody.read(request, limit: bodyLimit)
        var principal: Principal?
        if let token = AuthenticationMiddleware.token(in: request), let (user, _) = try? await auth.authenticate(accessToken: token) {
            principal = Principal(user: user)
        }
        try await auth.logout(refreshToken: try body.trimmedString("refreshToken"), principal: principal)
        return MessageEnvelope(message: "Logout successful")
    }

    func me(_ request: Request, context: AppRequestContext) async throws -> Envelope<UserView> {
        let principal = try context.requirePrincipal()
        guard let user = try await auth.store.users.find(id: principal.userId) else {
            throw DomainError.notFound("User not found")
        }
        return Envelope(data: UserView(user), message: "User data retrieved successfully")
    }

    func changePassword(_ request: Request, context: AppRequestContext) async throws -> Envelope<AuthResultView> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let current = try body.string("currentPassword"), let new = try body.string("newPassword"),
            !current.isEmpty, !new.isEmpty
        else { throw DomainError.validation("Current password and new password are required") }
        if let confirm = try body.string("confirmPassword"), confirm != new {
            throw DomainError.validation("Passwords do not match")
        }
        let credentials = try await auth.changePassword(
            principal: principal, session: context.sessionId, current: current, new: new, client: Self.client(request, context))
        return Envelope(data: Self.view(credentials), message: "Password changed successfully")
    }

    static func client(_ request: Request, _ context: AppRequestContext) -> ClientInfo {
        ClientInfo(address: context.clientAddress, userAgent: request.headers[.userAgent])
    }

    static func view(_ credentials: IssuedCredentials) -> AuthResultView {
        AuthResultView(
            user: UserView(credentials.user), accessToken: credentials.accessToken,
            refreshToken: credentials.refreshToken, expiresIn: credentials.expiresIn)
    }
}
