import Hummingbird
import ParleyCore
import ParleyStore

/// `/api/group-requests`.
struct GroupRequestController: Sendable {
    let requests: GroupRequestService
    let bodyLimit: Int

    func list(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupRequestListView> {
        let principal = try context.requirePrincipal()
        let page = try request.pageRequest()
        var query = GroupRequestQuery(
            requestType: request.queryString("requestType"), search: request.queryString("search"),
            ascending: request.queryString("sortOrder") == "asc", page: page)
        if let status = request.queryString("status") {
            guard let value = GroupRequestStatus(rawValue: status) else {
                throw DomainError.validation("status must be pending, approved, rejected or withdrawn")
            }
            query.status = value
        }
        if let groupId = request.queryString("groupId") {
            guard let id = ObjectId(groupId) else { throw DomainError.invalidId("group") }
            query.groupId = id
        }
        let result = try await requests.list(principal: principal, query: query)
        return Envelope(
            data: GroupRequestListView(
                requests: result.items.map { GroupRequestView($0, principal: principal) }, total: result.total, page: page.page,
                pages: result.pageCount(limit: page.limit), limit: page.limit))
    }

    func stats(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupRequestStatsView> {
        Envelope(data: GroupRequestStatsView(try await requests.counts(principal: try context.requirePrincipal())))
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Envelope<GroupRequestView>> {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let text = try body.trimmedString("groupId"), let groupId = ObjectId(text) else {
            throw DomainError.validation("Valid group ID is required")
        }
        let created = try await requests.create(
            principal: principal, groupId: groupId, requestType: try body.trimmedString("requestType"), message: try body.string("message"))
        return EditedResponse(
            status: .created, response: Envelope(data: GroupRequestView(created, principal: principal), message: "Group request created successfully"))
    }

    func get(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupRequestView> {
        let principal = try context.requirePrincipal()
        return Envelope(data: GroupRequestView(try await requests.get(principal: principal, id: try Self.id(context)), principal: principal))
    }

    func approve(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupRequestView> {
        let principal = try context.requirePrincipal()
        let reason = try await JSONBody.read(request, limit: bodyLimit).string("reason")
        let approved = try await requests.approve(principal: principal, id: try Self.id(context), reason: reason)
        return Envelope(data: GroupRequestView(approved, principal: principal), message: "Group request approved successfully")
    }

    func reject(_ request: Request, context: AppRequestContext) async throws -> Envelope<GroupRequestView> {
        let principal = try context.requirePrincipal()
        let reason = try await JSONBody.read(request, limit: bodyLimit).string("reason")
        let rejected = try await requests.reject(principal: principal, id: try Self.id(context), reason: reason)
        return Envelope(data: GroupRequestView(rejected, principal: principal), message: "Group request rejected successfully")
    }

    func bulkApprove(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Int]> {
        let (count, _) = try await bulk(request, context: context, status: .approved)
        return Envelope(data: ["approvedCount": count], message: "\(count) requests approved successfully")
    }

    func bulkReject(_ request: Request, context: AppRequestContext) async throws -> Envelope<[String: Int]> {
        let (count, _) = try await bulk(request, context: context, status: .rejected)
        return Envelope(data: ["rejectedCount": count], message: "\(count) requests rejected successfully")
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> MessageEnvelope {
        try await requests.delete(principal: try context.requirePrincipal(), id: try Self.id(context))
        return MessageEnvelope(message: "Group request deleted successfully")
    }

    private func bulk(_ request: Request, context: AppRequestContext, status: GroupRequestStatus) async throws -> (Int, Principal) {
        let principal = try context.requirePrincipal()
        let body = try await JSONBody.read(request, limit: bodyLimit)
        guard let ids = try body.stringArray("requestIds"), !ids.isEmpty else {
            throw DomainError.validation("Request IDs array is required")
        }
        guard ids.count <= 500 else { throw DomainError.validation("At most 500 requests can be processed at once") }
        let objectIds = try ids.map { text in
            guard let id = ObjectId(text) else { throw DomainError.validation("Invalid request ID format") }
            return id
        }
        let count = try await requests.decideAll(principal: principal, ids: objectIds, status: status, reason: try body.string("reason"))
        return (count, principal)
    }

    private static func id(_ context: AppRequestContext) throws -> ObjectId {
        guard let text = context.parameters.get("requestId"), let id = ObjectId(text) else {
            throw DomainError.validation("Invalid request ID format")
        }
        return id
    }
}
