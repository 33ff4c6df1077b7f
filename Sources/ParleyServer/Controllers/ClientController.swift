import Foundation
import Hummingbird
import ParleyCore
import ParleyStore

/// `/api/client`: the signed-in user's own data.
struct ClientController: Sendable {
    let client: ClientService
    let channels: ChannelService
    let messages: MessageService
    let notifications: NotificationService
    let activity: ActivityService
    let hasher: PasswordHasher
    let publicURL: String?
    let bodyLimit: Int

    func profile(_ request: Request, context: AppRequestContext) async throws -> Envelope<ClientProfileView> {
        Envelope(data: ClientProfileView(user: try await client.profile(principal: try context.requirePrincipal())))
    }

    /// Accepts `avatarUrl` (what the Angular client sends) as well as `avatar`.
    func updateProfile(_ request: Request, context: AppRequestContext) async throws -> Envelope<ClientProfileView> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        if body.has("password") { throw DomainError.validation("Passwords are changed through PUT /api/auth/change-password") }
        if body.has("roles") || body.has("isActive") {
            throw DomainError.forbidden("Only a super admin can change roles or account status")
        }
        var profile = try UserController.profile(from: body, includingIdentity: true)
        if profile.avatar == nil { profile.avatar = try body.nullableString("avatarUrl") }
        let user = try await client.updateProfile(principal: principal, profile: profile, urls: AttachmentURLPolicy(request, publicURL: publicURL))
        return Envelope(data: ClientProfileView(user: user), message: "Profile updated successfully")
    }

    func groups(_ request: Request, context: AppRequestContext) async throws -> Envelope<[GroupSummaryView]> {
        Envelope(data: try await client.groups(principal: try context.requirePrincipal()).map(GroupSummaryView.init))
    }

    func channels(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ChannelView]> {
        let principal = try context.requirePrincipal()
        if let text = request.queryString("groupId") {
            guard let groupId = ObjectId(text) else { throw DomainError.invalidId("group") }
            return Envelope(data: try await channels.channels(principal: principal, groupId: groupId).map(ChannelView.init))
        }
        return Envelope(data: try await channels.readableChannels(principal: principal).items.map(ChannelView.init))
    }

    /// The old API's channel read for members: `channelId` (required), `limit`, `offset`.
    func channelMessages(_ request: Request, context: AppRequestContext) async throws -> Envelope<[MessageView]> {
        let principal = try context.requirePrincipal()
        guard let text = request.queryString("channelId") else { throw DomainError.validation("Channel ID is required") }
        guard let channelId = ObjectId(text) else { throw DomainError.invalidId("channel") }
        let page = try await messages.history(
            principal: principal, channelId: channelId, window: try MessageController.window(request),
            includingDeleted: try MessageController.includingDeleted(request))
        return Envelope(data: page.map(MessageView.init))
    }

    func recentMessages(_ request: Request, context: AppRequestContext) async throws -> Envelope<[MessageView]> {
        let (limit, _) = try request.limitOffset(defaultLimit: 20)
        return Envelope(data: try await messages.recent(principal: try context.requirePrincipal(), limit: limit).map(MessageView.init))
    }

    func notificationList(_ request: Request, context: AppRequestContext) async throws -> Envelope<[NotificationView]> {
        let principal = try context.requirePrincipal()
        let (limit, offset) = try request.limitOffset(defaultLimit: 20)
        let list = try await notifications.list(principal: principal, unreadOnly: request.queryString("unread") == "true", limit: limit, offset: offset)
        return Envelope(data: list.map(NotificationView.init))
    }

    func markNotificationRead(_ request: Request, context: AppRequestContext) async throws -> Envelope<NotificationView> {
        let principal = try context.requirePrincipal()
        let notification = try await notifications.markRead(principal: principal, id: try context.parameters.objectId("notificationId", thing: "notification"))
        return Envelope(data: NotificationView(notification), message: "Notification marked as read")
    }

    func markAllNotificationsRead(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Int]> {
        let count = try await notifications.markAllRead(principal: try context.requirePrincipal())
        // `marked` is what the Angular client reads; `updatedCount` what earlier clients read.
        return Envelope(data: ["updatedCount": count, "marked": count], message: "All notifications marked as read")
    }

    func unreadCount(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Int]> {
        Envelope(data: ["count": try await notifications.unreadCount(principal: try context.requirePrincipal())])
    }

    func deleteNotification(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        try await notifications.delete(principal: try context.requirePrincipal(), id: try context.parameters.objectId("notificationId", thing: "notification"))
        return MessageEnvelope(message: "Notification deleted successfully")
    }

    func settings(_ request: Request, context: AppRequestContext) async throws -> Envelope<SettingsView> {
        let record = try await client.settings(principal: try context.requirePrincipal())
        return Envelope(data: SettingsView(values: UserSettings.deepMerge(UserSettings.defaultSettings, record.settings)))
    }

    func updateSettings(_ request: Request, context: AppRequestContext) async throws -> Envelope<SettingsView> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        let record = try await client.updateSettings(principal: principal, settings: body.fields, preferences: nil)
        return Envelope(data: SettingsView(values: UserSettings.deepMerge(UserSettings.defaultSettings, record.settings)), message: "Settings updated successfully")
    }

    func preferences(_ request: Request, context: AppRequestContext) async throws -> Envelope<SettingsView> {
        Envelope(data: SettingsView(values: try await client.settings(principal: try context.requirePrincipal()).preferences))
    }

    func updatePreferences(_ request: Request, context: AppRequestContext) async throws -> Envelope<SettingsView> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        let record = try await client.updateSettings(principal: principal, settings: nil, preferences: body.fields)
        return Envelope(data: SettingsView(values: record.preferences), message: "Preferences updated successfully")
    }

    func status(_ request: Request, context: AppRequestContext) async throws -> Envelope<StatusView> {
        let record = try await client.settings(principal: try context.requirePrincipal())
        return Envelope(data: StatusView(status: record.status ?? "online", updatedAt: WireDate.string(record.updatedAt)))
    }

    func updateStatus(_ request: Request, context: AppRequestContext) async throws -> Envelope<StatusView> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let status = try body.trimmedString("status") else { throw DomainError.validation("status is required") }
        let record = try await client.setStatus(principal: principal, status: status)
        return Envelope(data: StatusView(status: status, updatedAt: WireDate.string(record.updatedAt)), message: "Status updated successfully")
    }

    func stats(_ request: Request, context: AppRequestContext) async throws -> Envelope<ClientStats> {
        Envelope(data: try await client.stats(principal: try context.requirePrincipal()))
    }

    func activityList(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ActivityView]> {
        let principal = try context.requirePrincipal()
        let page = try request.pageRequest(defaultLimit: 50)
        return Envelope(data: try await activity.activity(principal: principal, of: principal.userId, page: page).items.map(ActivityView.init))
    }

    /// Searches the caller's groups and readable channels by name or description.
    func search(_ request: Request, context: AppRequestContext) async throws -> Envelope<ClientSearchView> {
        let principal = try context.requirePrincipal()
        guard let text = request.queryString("q") ?? request.queryString("query") else {
            throw DomainError.validation("Search query is required")
        }
        let groups = try await client.groups(principal: principal).filter {
            $0.name.localizedCaseInsensitiveContains(text) || $0.description.localizedCaseInsensitiveContains(text)
        }
        let found = try await channels.readableChannels(principal: principal, query: ChannelQuery(search: text))
        return Envelope(data: ClientSearchView(groups: groups.map(GroupSummaryView.init), channels: found.items.map(ChannelView.init)))
    }

    func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let data = try await client.export(principal: principal)
        let view = ClientExportView(
            exportedAt: WireDate.string(Date()), profile: ClientProfileView(user: data.user), groups: data.groups.map(GroupSummaryView.init),
            channels: data.channels.map(ChannelView.init), notifications: data.notifications.map(NotificationView.init),
            settings: UserSettings.deepMerge(UserSettings.defaultSettings, data.settings.settings), preferences: data.settings.preferences,
            activity: data.activity.map(ActivityView.init), sessions: data.sessions.map { SessionView($0, current: context.sessionId) })
        var response = try Envelope(data: view).response(from: request, context: context)
        response.headers[.contentDisposition] = "attachment; filename=\"parley-export-\(principal.username).json\""
        return response
    }

    func sessions(_ request: Request, context: AppRequestContext) async throws -> Envelope<[SessionView]> {
        let sessions = try await client.sessions(principal: try context.requirePrincipal())
        return Envelope(data: sessions.map { SessionView($0, current: context.sessionId) })
    }

    func revokeSession(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        try await client.revokeSession(principal: try context.requirePrincipal(), id: try context.parameters.objectId("sessionId", thing: "session"))
        return MessageEnvelope(message: "Session revoked successfully")
    }

    func revokeOtherSessions(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Int]> {
        let count = try await client.revokeOtherSessions(principal: try context.requirePrincipal(), current: context.sessionId)
        return Envelope(data: ["revokedCount": count], message: "Other sessions revoked successfully")
    }

    func closeAccount(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let password = try body.string("password"), !password.isEmpty else {
            throw DomainError.validation("password is required to close the account")
        }
        try await client.closeAccount(principal: principal, password: password, hasher: hasher)
        return MessageEnvelope(message: "Account closed successfully")
    }

}

struct ClientSearchView: Encodable, Sendable {
    let groups: [GroupSummaryView]
    let channels: [ChannelView]
}
