import Hummingbird
import ParleyCore
import ParleyStore

/// `/api/groups`.
struct GroupController: Sendable {
    let groups: GroupService
    let requests: GroupRequestService
    let channels: ChannelService
    let publicURL: String?
    let bodyLimit: Int

    func list(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupListView> {
        try await page(request, context: context, query: try Self.query(from: request))
    }

    func myGroups(_ request: Request, context: AppRequestContext) async throws -> Envelope<[GroupWithChannelsView]> {
        let principal = try context.requirePrincipal()
        var query = try Self.query(from: request)
        query.page = PageRequest(limit: PageRequest.maximumLimit)
        let found = try await channels.memberGroupsWithChannels(principal: principal, query: query)
        return Envelope(data: found.map { GroupWithChannelsView(group: GroupView($0.group, principal: principal), channels: $0.channels.map(ChannelView.init)) })
    }

    func search(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupListView> {
        var query = try Self.query(from: request)
        query.search = request.queryString("query") ?? request.queryString("q") ?? query.search
        return try await page(request, context: context, query: query)
    }

    func stats(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupStatsView> {
        Envelope(data: GroupStatsView(try await groups.counts(principal: try context.requirePrincipal())))
    }

    func get(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupView> {
        let principal = try context.requirePrincipal()
        let group = try await groups.get(principal: principal, id: try context.parameters.objectId("id", thing: "group"))
        return Envelope(data: GroupView(group, principal: principal))
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Envelope<GroupView>> {
        let principal = try context.requirePrincipal()
        guard GroupPermissions.canCreateGroup(principal) else { throw UserPermissions.insufficient }
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let name = try body.trimmedString("name") else { throw DomainError.validation("Group name is required") }
        let draft = GroupDraft(
            name: name, description: try body.string("description"), category: try body.trimmedString("category"),
            status: try body.trimmedString("status"), isPrivate: try body.bool("isPrivate"), maxMembers: try body.int("maxMembers"),
            avatar: try body.string("avatar"), tags: try body.stringArray("tags"), rules: try body.stringArray("rules"))
        let group = try await groups.create(principal: principal, draft: draft, urls: AttachmentURLPolicy(request, publicURL: publicURL))
        return EditedResponse(status: .created, response: Envelope(data: GroupView(group, principal: principal), message: "Group created successfully"))
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "group")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        let changes = GroupChanges(
            name: try body.trimmedString("name"), description: try body.string("description"),
            category: try body.trimmedString("category"), status: try body.trimmedString("status"),
            isPrivate: try body.bool("isPrivate"), isActive: try body.bool("isActive"), maxMembers: try body.nullableInt("maxMembers"),
            avatar: try body.nullableString("avatar"), tags: try body.nullableStringArray("tags"), rules: try body.nullableStringArray("rules"))
        let group = try await groups.update(principal: principal, id: id, changes: changes, urls: AttachmentURLPolicy(request, publicURL: publicURL))
        return Envelope(data: GroupView(group, principal: principal), message: "Group updated successfully")
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        try await groups.archive(principal: try context.requirePrincipal(), id: try context.parameters.objectId("id", thing: "group"))
        return MessageEnvelope(message: "Group deleted successfully")
    }

    func addMember(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupView> {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "group")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        // `username` is accepted but not trusted: the stored name comes from the account.
        guard let userId = try body.objectId("userId", thing: "user") else { throw DomainError.validation("User ID is required") }
        let group = try await groups.addMember(principal: principal, groupId: id, userId: userId)
        return Envelope(data: GroupView(group, principal: principal), message: "Member added successfully")
    }

    func removeMember(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupView> {
        let principal = try context.requirePrincipal()
        let group = try await groups.removeMember(
            principal: principal, groupId: try context.parameters.objectId("id", thing: "group"),
            userId: try context.parameters.objectId("userId", thing: "user"))
        return Envelope(data: GroupView(group, principal: principal), message: "Member removed successfully")
    }

    func addAdmin(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupView> {
        let principal = try context.requirePrincipal()
        guard GroupPermissions.canManageAdmins(principal) else { throw UserPermissions.insufficient }
        let id = try context.parameters.objectId("id", thing: "group")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let userId = try body.objectId("userId", thing: "user") else { throw DomainError.validation("User ID is required") }
        let group = try await groups.addAdmin(principal: principal, groupId: id, userId: userId)
        return Envelope(data: GroupView(group, principal: principal), message: "Admin added successfully")
    }

    func removeAdmin(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupView> {
        let principal = try context.requirePrincipal()
        let group = try await groups.removeAdmin(
            principal: principal, groupId: try context.parameters.objectId("id", thing: "group"),
            userId: try context.parameters.objectId("userId", thing: "user"))
        return Envelope(data: GroupView(group, principal: principal), message: "Admin removed successfully")
    }

    /// Public groups join at once (200 with the group); private ones file a request (201).
    func join(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.parameters.objectId("id", thing: "group")
        let body = try await JSONBody.read(request, limit: bodyLimit)
        switch try await groups.join(principal: principal, groupId: id, requests: requests, message: try body.string("message")) {
        case .joined(let group):
            return try Envelope(data: GroupView(group, principal: principal), message: "Joined group successfully")
                .response(from: request, context: context)
        case .requested(let joinRequest):
            var response = try Envelope(data: GroupRequestView(joinRequest, principal: principal), message: "Join request sent for approval")
                .response(from: request, context: context)
            response.status = .created
            return response
        }
    }

    func leave(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        let principal = try context.requirePrincipal()
        _ = try await groups.removeMember(principal: principal, groupId: try context.parameters.objectId("id", thing: "group"), userId: principal.userId)
        return MessageEnvelope(message: "Left group successfully")
    }

    func members(_ request: Request, context: AppRequestContext) async throws -> Envelope<[GroupMemberView]> {
        let principal = try context.requirePrincipal()
        let members = try await groups.members(principal: principal, groupId: try context.parameters.objectId("id", thing: "group"))
        return Envelope(data: members.map(GroupMemberView.init))
    }

    func checkMember(_ request: Request, context: AppRequestContext) async throws -> Envelope<MembershipCheckView> {
        let principal = try context.requirePrincipal()
        let userId = try context.parameters.objectId("userId", thing: "user")
        let members = try await groups.members(principal: principal, groupId: try context.parameters.objectId("id", thing: "group"))
        let member = members.first { $0.userId == userId }
        return Envelope(data: MembershipCheckView(isMember: member != nil, isAdmin: member?.role == .admin, role: member?.role.rawValue))
    }

    func setRole(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupView> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let roleName = try body.trimmedString("role"), let role = GroupMemberRole(rawValue: roleName) else {
            throw DomainError.validation("role must be admin or member")
        }
        let group = try await groups.setRole(
            principal: principal, groupId: try context.parameters.objectId("id", thing: "group"),
            userId: try context.parameters.objectId("userId", thing: "user"), role: role)
        return Envelope(data: GroupView(group, principal: principal), message: "Member role updated successfully")
    }

    private func page(_ request: Request, context: AppRequestContext, query: GroupQuery) async throws -> Envelope<GroupListView> {
        let principal = try context.requirePrincipal()
        let result = try await groups.list(principal: principal, query: query)
        return Envelope(
            data: GroupListView(
                groups: result.items.map { GroupView($0, principal: principal) }, total: result.total, page: query.page.page,
                pages: result.pageCount(limit: query.page.limit), limit: query.page.limit))
    }

    /// `page`, `limit`, `search`, `status`, `category`, `isPrivate`, `sortBy`, `sortOrder`.
    static func query(from request: Request) throws -> GroupQuery {
        let sortName = request.queryString("sortBy") ?? "createdAt"
        guard let sort = GroupQuery.Sort(rawValue: sortName) else {
            throw DomainError.validation("sortBy must be one of createdAt, updatedAt, name")
        }
        return GroupQuery(
            search: request.queryString("search"), status: request.queryString("status"), category: request.queryString("category"),
            isPrivate: request.queryString("isPrivate").map { $0 == "true" },
            includeArchived: request.queryString("includeArchived") == "true", sort: sort,
            ascending: request.queryString("sortOrder") == "asc", page: try request.pageRequest())
    }
}
