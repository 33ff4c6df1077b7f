import Hummingbird
import ParleyCore
import ParleyStore

/// `/api/users`.
struct UserController: Sendable {
    let users: UserService
    let activity: ActivityService
    let client: ClientService
    let publicURL: String?
    let bodyLimit: Int

    /// Finds people to add or mention: public profiles of active users whose username or
    /// email contains the text (emails are matched but shown only to super_admins).
    func search(_ request: Request, context: AppRequestContext) async throws -> Envelope<[UserView]> {
        let principal = try context.requirePrincipal()
        guard let text = request.queryString("query") ?? request.queryString("q") ?? request.queryString("search") else {
            throw DomainError.validation("Search query is required")
        }
        let (limit, _) = try request.limitOffset(defaultLimit: 20)
        let found = try await users.search(principal: principal, text: text, limit: limit)
        return Envelope(data: found.map { UserView($0, for: principal) })
    }

    func stats(_ request: Request, context: AppRequestContext) async throws -> Envelope<UserStatsView> {
        Envelope(data: UserStatsView(try await users.counts(principal: try context.requirePrincipal())))
    }

    /// `{isActive}` (super_admin: activates or deactivates) or `{status}` (the user's own
    /// presence status: online, away, busy, offline).
    func updateStatus(_ request: Request, context: AppRequestContext) async throws -> Envelope<UserView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "user")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        if let isActive = try body.bool("isActive") {
            let user = try await users.update(
                principal: principal, id: id, update: UserUpdate(isActive: isActive), urls: AttachmentURLPolicy(request, publicURL: publicURL))
            return Envelope(data: UserView(user), message: "User status updated successfully")
        }
        guard let status = try body.trimmedString("status") else { throw DomainError.validation("isActive or status is required") }
        guard id == principal.userId else { throw UserPermissions.insufficient }
        _ = try await client.setStatus(principal: principal, status: status)
        let (user, _) = try await users.get(principal: principal, id: id)
        return Envelope(data: UserView(user), message: "User status updated successfully")
    }

    func activityList(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ActivityView]> {
        let principal = try context.requirePrincipal()
        let entries = try await activity.activity(
            principal: principal, of: try context.parameters.objectId("id", thing: "user"), page: try request.pageRequest(defaultLimit: 50))
        return Envelope(data: entries.items.map(ActivityView.init))
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Envelope<UserListView> {
        let principal = try context.requirePrincipal()
        let page = try request.pageRequest()
        let query = UserQuery(search: request.queryString("search"), page: page)
        let result = try await users.list(principal: principal, query: query)
        let pages = result.pageCount(limit: page.limit)
        return Envelope(
            data: UserListView(
                users: result.items.map { UserView($0) }, total: result.total, page: page.page, pages: pages,
                limit: page.limit, totalPages: pages))
    }

    func get(_ request: Request, context: AppRequestContext) async throws -> Envelope<UserView> {
        let principal = try context.requirePrincipal()
        let (user, visibility) = try await users.get(principal: principal, id: try context.parameters.objectId("id", thing: "user"))
        return Envelope(data: UserView(user, visibility: visibility))
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Envelope<UserView>> {
        let principal = try context.requirePrincipal()
        // Refuse before reading the body, so a non-admin learns nothing from validation messages.
        try UserPermissions.requireManageUsers(principal)
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let username = try body.trimmedString("username"), let email = try body.trimmedString("email"),
            let password = try body.string("password"), !password.isEmpty
        else { throw DomainError.validation("Username, email, and password are required") }
        let account = NewAccount(
            username: username, email: email, password: password,
            roles: try body.stringArray("roles").map { $0.map(Role.init(rawValue:)) } ?? [.user],
            isActive: try body.bool("isActive") ?? true, profile: try Self.profile(from: body, includingIdentity: false))
        let user = try await users.create(principal: principal, account: account, urls: AttachmentURLPolicy(request, publicURL: publicURL))
        return EditedResponse(status: .created, response: Envelope(data: UserView(user), message: "User created successfully"))
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Envelope<UserView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "user")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        if body.has("password") {
            throw DomainError.validation("Passwords are changed through PUT /api/auth/change-password")
        }
        let update = UserUpdate(
            profile: try Self.profile(from: body, includingIdentity: true),
            roles: try body.stringArray("roles").map { $0.map(Role.init(rawValue:)) },
            isActive: try body.bool("isActive"))
        let user = try await users.update(principal: principal, id: id, update: update, urls: AttachmentURLPolicy(request, publicURL: publicURL))
        return Envelope(data: UserView(user), message: "User updated successfully")
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        let principal = try context.requirePrincipal()
        try await users.deactivate(principal: principal, id: try context.parameters.objectId("id", thing: "user"))
        return MessageEnvelope(message: "User deleted successfully")
    }

    func groups(_ request: Request, context: AppRequestContext) async throws -> Envelope<[GroupSummaryView]> {
        let principal = try context.requirePrincipal()
        let groups = try await users.groups(principal: principal, id: try context.parameters.objectId("id", thing: "user"))
        return Envelope(data: groups.map(GroupSummaryView.init))
    }

    /// Public: an unknown or malformed id answers 404 "User not found", as before.
    func avatar(_ request: Request, context: AppRequestContext) async throws -> Envelope<AvatarView> {
        guard let text = context.parameters.get("id"), let id = ObjectId(text) else { throw UserService.notFound }
        return Envelope(data: AvatarView(avatar: try await users.avatar(id: id)))
    }

    /// The profile fields of a body. Empty strings for username or email count as absent,
    /// as the old admin update treated falsy values.
    static func profile(from body: JSONBody, includingIdentity: Bool) throws -> ProfileChanges {
        ProfileChanges(
            username: includingIdentity ? try body.trimmedString("username") : nil,
            email: includingIdentity ? try body.trimmedString("email") : nil,
            avatar: try body.nullableString("avatar"), bio: try body.nullableString("bio"),
            phone: try body.nullableString("phone"), address: try body.nullableString("address"))
    }
}
