import Foundation
import Logging
import ParleyCore
import ParleyStore

/// Sign-up, sign-in, token refresh, sign-out and password changes. The only place that issues
/// tokens or reads password hashes.
public struct AuthService: Sendable {
    let store: any Store
    let tokens: TokenService
    let hasher: PasswordHasher
    let throttle: any LoginThrottling
    let activity: ActivityRecorder
    let sessions: SessionRevoker
    let metrics: AppMetrics
    /// The caller's account for a few seconds (see `CallerCache` for how fresh it stays).
    var callers = CallerCache.off()

    static let invalidCredentials = DomainError.unauthenticated("Invalid credentials")
    static let invalidRefreshToken = DomainError.unauthenticated("Invalid refresh token")
    static let accountLocked = "Your account has been locked. Please contact administrator."

    func register(_ account: NewAccount, client: ClientInfo) async throws -> IssuedCredentials {
        try AccountRules.validate(username: account.username, email: account.email, password: account.password)
        let user = User(
            username: account.username, email: UserValidation.normalizeEmail(account.email),
            passwordHash: try await hasher.hash(account.password), roles: [.user])
        do {
            try await store.users.insert(user)
        } catch StoreError.duplicate {
            throw DomainError.conflict("User with this email or username already exists")
        }
        await activity.record(Principal(user: user), "auth.register", on: "user", id: user.id)
        return try await issue(for: user, client: client)
    }

    /// `identifier` is a username or an email. Failures count toward the throttle whether the
    /// account exists or not, and answer the same, so the endpoint does not reveal accounts.
    func login(identifier: String, password: String, client: ClientInfo) async throws -> IssuedCredentials {
        let found = try await store.users.find(login: identifier)
        let account = Self.throttleKey(for: found, identifier: identifier)
        if let wait = await throttle.retryAfter(account: account, address: client.address, now: Date()) {
            metrics.loginThrottled()
            throw DomainError.tooManyRequests("Too many failed login attempts. Try again later.", retryAfterSeconds: wait)
        }
        guard let user = found, try await hasher.verify(password, against: user.passwordHash) else {
            await throttle.recordFailure(account: account, address: client.address, now: Date())
            metrics.loginFailed()
            throw Self.invalidCredentials
        }
        await throttle.recordSuccess(account: account)
        guard user.isActive else { throw DomainError.forbidden(Self.accountLocked) }
        // The answer carries the previous login time, as the old server's did.
        _ = try await store.users.update(id: user.id, UserChanges(lastLogin: Date()), at: Date())
        callers.forgetUser(user.id)
        await activity.record(Principal(user: user), "auth.login", on: "user", id: user.id, details: client.address)
        return try await issue(for: user, client: client)
    }

    /// What the throttle counts failures against: the account, whichever of its username or
    /// email was typed (five tries by name and five by email are five, not ten); an identifier
    /// that names no account counts on its own, case-insensitively.
    static func throttleKey(for user: User?, identifier: String) -> String {
        if let user { return "account:" + user.id.hexString }
        return "login:" + identifier.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A new pair for a live session. Older refresh tokens of the same session stay valid until
    /// they expire or the session is revoked (one Angular auth service keeps its first token).
    func refresh(token: String) async throws -> IssuedCredentials {
        guard let claims = await tokens.verifyRefreshToken(token),
            let session = try await store.sessions.find(id: claims.sessionId),
            session.userId == claims.userId, session.isLive(at: Date()),
            let user = try await store.users.find(id: claims.userId)
        else { throw Self.invalidRefreshToken }
        guard user.isActive else { throw DomainError.forbidden(Self.accountLocked) }
        _ = try await store.sessions.touch(id: session.id, at: Date())
        return try await pair(for: user, session: session)
    }

    private func pair(for user: User, session: AuthSession, now: Date = Date()) async throws -> IssuedCredentials {
        IssuedCredentials(
            user: user, accessToken: try await tokens.accessToken(for: user, session: session, now: now),
            refreshToken: try await tokens.refreshToken(for: session, now: now), expiresIn: tokens.accessLifetimeSeconds)
    }

    /// Revokes the session a refresh token names. Without one, revokes every session of the
    /// signed-in caller. Answers success either way: signing out never fails for the client.
    func logout(refreshToken: String?, principal: Principal?) async throws {
        if let refreshToken, let claims = await tokens.verifyRefreshToken(refreshToken) {
            _ = try await sessions.revoke(id: claims.sessionId, of: claims.userId)
        } else if let principal {
            _ = try await sessions.revokeAll(of: principal.userId)
        }
    }

    /// The caller behind an access token. The account may come from `CallerCache`, which every
    /// deactivation, deletion and role change empties first, so they apply to the very next request.
    func authenticate(accessToken: String) async throws -> (User, sessionId: ObjectId) {
        switch try await check(accessToken: accessToken) {
        case .invalidToken, .unknownUser: throw DomainError.unauthenticated("Invalid or expired token")
        case .inactiveUser: throw DomainError.unauthenticated(Self.accountLocked)
        case .valid(let user, let sessionId): return (user, sessionId)
        }
    }

    /// The user if the account still exists and is active: live sockets re-check their owner
    /// with this when an account changes.
    func activeUser(id: ObjectId) async throws -> User? {
        guard let user = try await store.users.find(id: id), user.isActive else { return nil }
        return user
    }

    /// What an access token is worth, without throwing for the refusals: the socket gateway
    /// words each refusal its own way. Refresh tokens are signed with their own secret, so
    /// they are `invalidToken` here; so is a token whose session was revoked or has expired
    /// (seen by other processes within `LiveSessionCache.defaultLifetime`).
    func check(accessToken: String) async throws -> AccessTokenCheck {
        guard let claims = await tokens.verifyAccessToken(accessToken) else { return .invalidToken }
        guard let user = try await caller(claims.userId) else { return .unknownUser }
        // Deactivation revokes every session too; the account's state is the clearer answer.
        guard user.isActive else { return .inactiveUser }
        guard try await isLive(session: claims.sessionId, of: claims.userId) else { return .invalidToken }
        return .valid(user, sessionId: claims.sessionId)
    }

    /// The account from the cache, or read and remembered. Deactivation, deletion and role
    /// changes publish `accountChanged`, and profile changes drop the entry themselves, so the
    /// next request sees them.
    private func caller(_ id: ObjectId) async throws -> User? {
        if let user = callers.user(id) { return user }
        let ticket = callers.ticket()
        guard let user = try await store.users.find(id: id) else { return nil }
        callers.remember(user, readAt: ticket)
        return user
    }

    private func isLive(session id: ObjectId, of userId: ObjectId) async throws -> Bool {
        if sessions.cache.isKnownLive(id, of: userId) { return true }
        guard let session = try await store.sessions.find(id: id), session.userId == userId, session.isLive(at: Date()) else {
            return false
        }
        sessions.cache.remember(id, of: userId)
        return true
    }

    /// Changes the password after checking the current one and signs out every other session
    /// (their sockets are disconnected). The caller's own session stays, so the client keeps
    /// working with the tokens it holds; a fresh pair for that session is returned as well.
    func changePassword(
        principal: Principal, session currentSession: ObjectId?, current: String, new: String, client: ClientInfo
    ) async throws -> IssuedCredentials {
        if let problem = UserValidation.checkPassword(new, field: "newPassword") {
            throw DomainError.validation(problem.message, fields: [problem])
        }
        guard let user = try await store.users.find(id: principal.userId) else {
            throw DomainError.unauthenticated("Invalid or expired token")
        }
        guard try await hasher.verify(current, against: user.passwordHash) else {
            throw DomainError.validation(
                "Current password is incorrect",
                fields: [FieldError(field: "currentPassword", message: "Current password is incorrect")])
        }
        guard current != new else { throw DomainError.validation("New password must differ from the current one") }
        let hash = try await hasher.hash(new)
        guard let updated = try await store.users.update(id: user.id, UserChanges(passwordHash: hash), at: Date()) else {
            throw DomainError.unauthenticated("Invalid or expired token")
        }
        callers.forgetUser(user.id)
        _ = try await sessions.revokeAll(of: user.id, keeping: currentSession)
        await activity.record(principal, "auth.change_password", on: "user", id: user.id)
        guard let currentSession, let session = try await store.sessions.find(id: currentSession), session.isLive(at: Date()) else {
            return try await issue(for: updated, client: client)
        }
        return try await pair(for: updated, session: session)
    }

    /// Opens a session and signs a pair for it.
    private func issue(for user: User, client: ClientInfo) async throws -> IssuedCredentials {
        let now = Date()
        let session = AuthSession(
            userId: user.id, createdAt: now,
            expiresAt: now.addingTimeInterval(TimeInterval(tokens.refreshLifetime.components.seconds)),
            userAgent: client.userAgent.map { String($0.prefix(512)) }, ipAddress: client.address)
        try await store.sessions.insert(session)
        return try await pair(for: user, session: session, now: now)
    }
}
