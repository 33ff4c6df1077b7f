import Foundation
import Hummingbird
import ParleyCore
import ParleyStore

/// `/api/admin`. Every handler goes through `AdminService`, which checks the caller's role.
struct AdminController: Sendable {
    let admin: AdminService
    let users: UserService
    /// Creating an account is the same operation on `/api/users` and `/api/admin/users`.
    let userController: UserController
    let groups: GroupService
    let channels: ChannelService
    let messages: MessageService
    let activity: ActivityService
    let publicURL: String?
    let bodyLimit: Int

    func dashboard(_ request: Request, context: AppRequestContext) async throws -> Envelope<AdminDashboardView> {
        Envelope(data: AdminDashboardView(try await admin.dashboard(principal: try context.requirePrincipal())))
    }

    func stats(_ request: Request, context: AppRequestContext) async throws -> Envelope<AdminStatsView> {
        Envelope(data: AdminStatsView(try await admin.stats(principal: try context.requirePrincipal())))
    }

    func listUsers(_ request: Request, context: AppRequestContext) async throws -> Envelope<AdminUserListView> {
        let principal = try context.requirePrincipal()
        // The admin screen loads everyone at once (the old server fixed the limit at 1000).
        let pageNumber = try Request.bounded(page: request.queryString("page").flatMap { Int($0) } ?? 1)
        let page = PageRequest(page: pageNumber, limit: request.queryString("limit").flatMap { Int($0) } ?? 1000, maximumLimit: 1000)
        let result = try await admin.listUsers(principal: principal, query: UserQuery(search: request.queryString("search"), page: page))
        return Envelope(
            data: AdminUserListView(
                users: result.items.map { UserView($0, for: principal) }, total: result.total, page: page.page,
                pages: result.pageCount(limit: page.limit), limit: page.limit))
    }

    func userStats(_ request: Request, context: AppRequestContext) async throws -> Envelope<UserStatsView> {
        Envelope(data: UserStatsView(try await admin.userCounts(principal: try context.requirePrincipal())))
    }

    func createUser(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Envelope<UserView>> {
        try await userController.create(request, context: context)
    }

    /// `username`, `email`, `roles`, `isActive` (empty values are ignored, as before).
    func updateUser(_ request: Request, context: AppRequestContext) async throws -> Envelope<UserView> {
        let principal = try context.requirePrincipal()
        try UserPermissions.requireManageUsers(principal)
        let id = try context.parameters.objectId("id", thing: "user")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        let update = try Self.userUpdate(from: body)
        let user = try await users.update(principal: principal, id: id, update: update, urls: AttachmentURLPolicy(request, publicURL: publicURL))
        return Envelope(data: UserView(user), message: "User updated successfully")
    }

    func deleteUser(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Bool]> {
        try await admin.deleteUser(principal: try context.requirePrincipal(), id: try context.parameters.objectId("id", thing: "user"))
        return Envelope(data: ["deleted": true], message: "User deleted successfully")
    }

    func bulkDelete(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Int]> {
        let principal = try context.requirePrincipal()
        try UserPermissions.requireManageUsers(principal)
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let ids = try body.objectIds("userIds", thing: "user"), !ids.isEmpty else {
            throw DomainError.validation("User IDs array is required")
        }
        let count = try await admin.deleteUsers(principal: principal, ids: ids)
        return Envelope(data: ["deletedCount": count], message: "\(count) users deleted successfully")
    }

    func bulkUpdate(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Int]> {
        let principal = try context.requirePrincipal()
        try UserPermissions.requireManageUsers(principal)
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let ids = try body.objectIds("userIds", thing: "user"), !ids.isEmpty else {
            throw DomainError.validation("User IDs array is required")
        }
        guard let updates = try body.object("updates"), !updates.isEmpty else {
            throw DomainError.validation("Updates object is required")
        }
        let count = try await admin.updateUsers(
            principal: principal, ids: ids, update: try Self.userUpdate(from: JSONBody(fields: updates)),
            urls: AttachmentURLPolicy(request, publicURL: publicURL))
        return Envelope(data: ["updatedCount": count], message: "\(count) users updated successfully")
    }

    func userActivity(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ActivityView]> {
        let principal = try context.requirePrincipal()
        try admin.requireAdmin(principal)
        let userId = try context.parameters.objectId("id", thing: "user")
        let (limit, offset) = try request.limitOffset(defaultLimit: 50)
        let page = PageRequest(page: offset / limit + 1, limit: limit)
        return Envelope(data: try await activity.activity(principal: principal, of: userId, page: page).items.map(ActivityView.init))
    }

    func userGroups(_ request: Request, context: AppRequestContext) async throws -> Envelope<[GroupSummaryView]> {
        let principal = try context.requirePrincipal()
        try admin.requireAdmin(principal)
        let groups = try await users.groups(principal: principal, id: try context.parameters.objectId("id", thing: "user"))
        return Envelope(data: groups.map(GroupSummaryView.init))
    }

    func groupStats(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupStatsView> {
        Envelope(data: GroupStatsView(try await groups.counts(principal: try context.requirePrincipal())))
    }

    func channelStats(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelStatsView> {
        Envelope(data: ChannelStatsView(try await channels.counts(principal: try context.requirePrincipal())))
    }

    /// Groups for the admin screens: everything for super_admin, administered groups for a group_admin.
    func listGroups(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupListView> {
        let principal = try context.requirePrincipal()
        try admin.requireAdmin(principal)
        var query = try GroupController.query(from: request)
        if !principal.isSuperAdmin { query.adminId = principal.userId }
        let result = try await groups.list(principal: principal, query: query)
        return Envelope(
            data: GroupListView(
                groups: result.items.map { GroupView($0, principal: principal) }, total: result.total, page: query.page.page,
                pages: result.pageCount(limit: query.page.limit), limit: query.page.limit))
    }

    func listChannels(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ChannelView]> {
        let principal = try context.requirePrincipal()
        try admin.requireAdmin(principal)
        var query = ChannelQuery(includeArchived: principal.isSuperAdmin)
        if !principal.isSuperAdmin {
            query.groupIds = try await groups.administeredGroupIds(principal)
        }
        return Envelope(data: try await channels.store.channels.list(query).items.map(ChannelView.init))
    }

    /// Recent messages across the channels the admin oversees (all for super_admin), or one
    /// channel's history with `channelId`.
    func recentMessages(_ request: Request, context: AppRequestContext) async throws -> Envelope<[MessageView]> {
        let principal = try context.requirePrincipal()
        try admin.requireAdmin(principal)
        if let channelId = try MessageController.optionalId(request, "channelId", thing: "channel") {
            let page = try await messages.history(
                principal: principal, channelId: channelId, window: try MessageController.window(request),
                includingDeleted: try MessageController.includingDeleted(request))
            return Envelope(data: page.map(MessageView.init))
        }
        let (limit, _) = try request.limitOffset(defaultLimit: 50)
        return Envelope(data: try await messages.recent(principal: principal, limit: limit).map(MessageView.init))
    }

    /// The audit log: `page`, `limit`, `action`, `targetType`, `userId`, `from`, `to` (ISO dates).
    func logs(_ request: Request, context: AppRequestContext) async throws -> Envelope<ActivityListView> {
        let principal = try context.requirePrincipal()
        let page = try request.pageRequest(defaultLimit: 50)
        var query = ActivityQuery(action: request.queryString("action"), targetType: request.queryString("targetType"), page: page)
        if let actor = request.queryString("userId") {
            guard let id = ObjectId(actor) else { throw DomainError.invalidId("user") }
            query.actorId = id
        }
        query.since = try Self.date(request.queryString("from"), name: "from")
        query.until = try Self.date(request.queryString("to"), name: "to")
        let result = try await activity.auditLog(principal: principal, query: query)
        return Envelope(
            data: ActivityListView(
                logs: result.items.map(ActivityView.init), total: result.total, page: page.page,
                pages: result.pageCount(limit: page.limit), limit: page.limit))
    }

    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let kind = context.parameters.get("type") ?? ""
        var response: Response
        switch try await admin.export(principal: principal, kind: kind) {
        case .users(let list): response = try Envelope(data: list.map { UserView($0) }).response(from: request, context: context)
        case .groups(let list): response = try Envelope(data: list.map { GroupView($0, principal: principal) }).response(from: request, context: context)
        case .channels(let list): response = try Envelope(data: list.map(ChannelView.init)).response(from: request, context: context)
        case .requests(let list): response = try Envelope(data: list.map { GroupRequestView($0, principal: principal) }).response(from: request, context: context)
        case .logs(let list): response = try Envelope(data: list.map(ActivityView.init)).response(from: request, context: context)
        }
        response.headers[.contentDisposition] = "attachment; filename=\"parley-\(kind).json\""
        return response
    }

    /// Backups, cache clearing and restarts are operations for the host, not for an HTTP call.
    func notSupported(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try UserPermissions.requireManageUsers(principal)
        throw DomainError.notSupported("This operation is not available over the API; run it on the host")
    }

    static func userUpdate(from body: JSONBody) throws -> UserUpdate {
        if body.has("password") { throw DomainError.validation("Passwords are changed through PUT /api/auth/change-password") }
        return UserUpdate(
            profile: try UserController.profile(from: body, includingIdentity: true),
            roles: try body.stringArray("roles").flatMap { $0.isEmpty ? nil : $0.map(Role.init(rawValue:)) },
            isActive: try body.bool("isActive"))
    }

    static func date(_ text: String?, name: String) throws -> Date? {
        guard let text else { return nil }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard let date = (try? withFraction.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text)) else {
            throw DomainError.validation("\(name) must be an ISO-8601 date")
        }
        return date
    }
}
