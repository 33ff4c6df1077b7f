import Hummingbird
import ParleyCore
import ParleyStore

/// `/api/channels`.
struct ChannelController: Sendable {
    let channels: ChannelService
    let users: UserService
    let activity: ActivityService
    let bodyLimit: Int

    /// Every channel the caller may read, as a plain array (the client filters by group itself).
    func list(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ChannelView]> {
        let principal = try context.requirePrincipal()
        var query = ChannelQuery()
        if let groupId = request.queryString("groupId") {
            guard let id = ObjectId(groupId) else { throw DomainError.invalidId("group") }
            query.groupIds = [id]
        }
        return Envelope(data: try await channels.readableChannels(principal: principal, query: query).items.map(ChannelView.init))
    }

    func paginated(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelListView> {
        let principal = try context.requirePrincipal()
        let page = try request.pageRequest()
        var query = ChannelQuery(search: request.queryString("search"), type: request.queryString("channelType") ?? request.queryString("type"), page: page)
        query.isActive = request.queryString("isActive").map { $0 == "true" }
        if let groupId = request.queryString("groupId") {
            guard let id = ObjectId(groupId) else { throw DomainError.invalidId("group") }
            query.groupIds = [id]
        }
        let result = try await channels.readableChannels(principal: principal, query: query)
        return Envelope(
            data: ChannelListView(
                channels: result.items.map(ChannelView.init), total: result.total, page: page.page,
                pages: result.pageCount(limit: page.limit), limit: page.limit))
    }

    func search(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ChannelView]> {
        let principal = try context.requirePrincipal()
        guard let text = request.queryString("query") ?? request.queryString("q") ?? request.queryString("search") else {
            throw DomainError.validation("Search query is required")
        }
        return Envelope(data: try await channels.readableChannels(principal: principal, query: ChannelQuery(search: text)).items.map(ChannelView.init))
    }

    func myChannels(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ChannelView]> {
        let principal = try context.requirePrincipal()
        let all = try await channels.readableChannels(principal: principal)
        return Envelope(data: all.items.filter { $0.members.contains(principal.userId) }.map(ChannelView.init))
    }

    func stats(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelStatsView> {
        Envelope(data: ChannelStatsView(try await channels.counts(principal: try context.requirePrincipal())))
    }

    func byGroup(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ChannelView]> {
        let principal = try context.requirePrincipal()
        let list = try await channels.channels(principal: principal, groupId: try context.parameters.objectId("groupId", thing: "group"))
        return Envelope(data: list.map(ChannelView.init))
    }

    func get(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelView> {
        let principal = try context.requirePrincipal()
        let (channel, _) = try await channels.readable(principal: principal, id: try context.parameters.objectId("id", thing: "channel"))
        return Envelope(data: ChannelView(channel))
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Envelope<ChannelView>> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let name = try body.trimmedString("name") else { throw DomainError.validation("Channel name is required") }
        guard let groupId = try body.objectId("groupId", thing: "group") else { throw DomainError.validation("Group ID is required") }
        let draft = Channel(
            groupId: groupId, name: name, description: try body.string("description") ?? "", type: try body.trimmedString("type") ?? "text",
            isPrivate: try body.bool("isPrivate") ?? false, maxMembers: try body.int("maxMembers"),
            settings: try ChannelSettingsInput.settings(from: body.object("settings"), base: ChannelSettings()), createdBy: principal.userId)
        let channel = try await channels.create(principal: principal, groupId: groupId, draft: draft)
        return EditedResponse(status: .created, response: Envelope(data: ChannelView(channel), message: "Channel created successfully"))
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "channel")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        // The Angular edit form sends the whole channel back, `groupId` included; other fields
        // it echoes (`_id`, `createdBy`, `createdAt`, `members`, …) are not editable and ignored.
        let statedGroupId = try body.objectId("groupId", thing: "group")
        let settings = try body.object("settings")
        let changes = ChannelChanges(
            name: try body.trimmedString("name"), description: try body.string("description"), type: try body.trimmedString("type"),
            isPrivate: try body.bool("isPrivate"), isActive: try body.bool("isActive"), maxMembers: try body.nullableInt("maxMembers"),
            settings: try settings.map { try ChannelSettingsInput.settings(from: $0, base: ChannelSettings()) })
        let channel = try await channels.update(principal: principal, id: id, changes: changes, statedGroupId: statedGroupId)
        return Envelope(data: ChannelView(channel), message: "Channel updated successfully")
    }

    /// `PUT /:id/settings`: merges the given keys into the current settings.
    func updateSettings(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "channel")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        let (current, _) = try await channels.administered(principal: principal, id: id)
        let merged = try ChannelSettingsInput.settings(from: body.object("settings") ?? body.fields, base: current.settings)
        let channel = try await channels.update(principal: principal, id: current.id, changes: ChannelChanges(settings: merged), action: "channel.settings")
        return Envelope(data: ChannelView(channel), message: "Channel settings updated successfully")
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        _ = try await channels.archive(principal: try context.requirePrincipal(), id: try context.parameters.objectId("id", thing: "channel"), archived: true)
        return MessageEnvelope(message: "Channel deleted successfully")
    }

    func archive(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelView> {
        let channel = try await channels.archive(principal: try context.requirePrincipal(), id: try context.parameters.objectId("id", thing: "channel"), archived: true)
        return Envelope(data: ChannelView(channel), message: "Channel archived successfully")
    }

    func unarchive(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelView> {
        let channel = try await channels.archive(principal: try context.requirePrincipal(), id: try context.parameters.objectId("id", thing: "channel"), archived: false)
        return Envelope(data: ChannelView(channel), message: "Channel unarchived successfully")
    }

    func addMember(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "channel")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let userId = try body.objectId("userId", thing: "user") else { throw DomainError.validation("User ID is required") }
        return Envelope(data: ChannelView(try await channels.addMember(principal: principal, id: id, userId: userId)), message: "Member added successfully")
    }

    func removeMember(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelView> {
        let channel = try await channels.removeMember(
            principal: try context.requirePrincipal(), id: try context.parameters.objectId("id", thing: "channel"),
            userId: try context.parameters.objectId("userId", thing: "user"))
        return Envelope(data: ChannelView(channel), message: "Member removed successfully")
    }

    func join(_ request: Request, context: AppRequestContext) async throws -> Envelope<ChannelView> {
        let channel = try await channels.join(principal: try context.requirePrincipal(), id: try context.parameters.objectId("id", thing: "channel"))
        return Envelope(data: ChannelView(channel), message: "Joined channel successfully")
    }

    func leave(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        let principal = try context.requirePrincipal()
        _ = try await channels.removeMember(principal: principal, id: try context.parameters.objectId("id", thing: "channel"), userId: principal.userId)
        return MessageEnvelope(message: "Left channel successfully")
    }

    func members(_ request: Request, context: AppRequestContext) async throws -> Envelope<[UserView]> {
        let principal = try context.requirePrincipal()
        let (channel, _) = try await channels.readable(principal: principal, id: try context.parameters.objectId("id", thing: "channel"))
        let members = try await users.publicProfiles(ids: channel.members)
        return Envelope(data: members.map { UserView($0, for: principal) })
    }

    func checkMember(_ request: Request, context: AppRequestContext) async throws -> Envelope<MembershipCheckView> {
        let principal = try context.requirePrincipal()
        let userId = try context.parameters.objectId("userId", thing: "user")
        let (channel, _) = try await channels.readable(principal: principal, id: try context.parameters.objectId("id", thing: "channel"))
        return Envelope(data: MembershipCheckView(isMember: channel.members.contains(userId), isAdmin: channel.admins.contains(userId), role: nil))
    }

    func activityLog(_ request: Request, context: AppRequestContext) async throws -> Envelope<[ActivityView]> {
        let principal = try context.requirePrincipal()
        let (channel, _) = try await channels.readable(principal: principal, id: try context.parameters.objectId("id", thing: "channel"))
        let entries = try await activity.forTarget(channel.id, page: try request.pageRequest(defaultLimit: 50))
        return Envelope(data: entries.items.map(ActivityView.init))
    }
}
