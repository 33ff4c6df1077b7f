import Foundation
import ParleyCore
import ParleyStore

/// Join requests for private groups: filed by users, reviewed by the group's admins or a
/// super_admin, withdrawn by the requester. The requester is notified of every decision.
public struct GroupRequestService: Sendable {
    let store: any Store
    let groups: GroupService
    let activity: ActivityRecorder
    let notifications: NotificationService

    static let notFound = DomainError.notFound("Group request not found")

    func create(principal: Principal, groupId: ObjectId, requestType: String?, message: String?) async throws -> GroupRequest {
        let type = requestType ?? "request_invite"
        guard GroupRequest.types.contains(type) else {
            throw DomainError.validation("requestType must be register_interest or request_invite")
        }
        if let message, message.count > 1_000 { throw DomainError.validation("message must be at most 1000 characters") }
        let group = try await groups.get(principal: principal, id: groupId)
        guard !group.isMember(principal.userId) else { throw DomainError.conflict("You are already a member of this group") }
        let request = GroupRequest(
            userId: principal.userId, username: principal.username, userEmail: principal.email, groupId: group.id,
            groupName: group.name, requestType: type, message: message)
        do {
            try await store.groupRequests.insert(request)
        } catch StoreError.duplicate {
            throw DomainError.conflict("You already have a pending request for this group")
        }
        await activity.record(principal, "group_request.create", on: "group", id: group.id, details: group.name)
        for admin in group.admins where admin != principal.userId {
            await notifications.notify(
                admin, type: "group_request_created", title: "New join request",
                message: "\(principal.username) asked to join \(group.name)",
                data: ["groupId": group.id.hexString, "requestId": request.id.hexString])
        }
        return request
    }

    /// super_admin sees every request; a group admin those of the groups they administer;
    /// anyone else only their own.
    func list(principal: Principal, query: GroupRequestQuery) async throws -> Page<GroupRequest> {
        try await store.groupRequests.list(try await scoped(query, principal: principal))
    }

    func counts(principal: Principal) async throws -> GroupRequestCounts {
        try await store.groupRequests.counts(try await scoped(GroupRequestQuery(), principal: principal))
    }

    func get(principal: Principal, id: ObjectId) async throws -> GroupRequest {
        guard let request = try await store.groupRequests.find(id: id) else { throw Self.notFound }
        if request.userId == principal.userId { return request }
        guard try await mayReview(request, principal: principal) else { throw Self.notFound }
        return request
    }

    func approve(principal: Principal, id: ObjectId, reason: String?) async throws -> GroupRequest {
        try await decide(principal: principal, id: id, status: .approved, reason: reason)
    }

    func reject(principal: Principal, id: ObjectId, reason: String?) async throws -> GroupRequest {
        try await decide(principal: principal, id: id, status: .rejected, reason: reason)
    }

    /// Applies one decision to many requests; returns how many were decided. Every id is
    /// checked as a single decision would be, and the first refusal stops the batch before
    /// anything is changed.
    func decideAll(principal: Principal, ids: [ObjectId], status: GroupRequestStatus, reason: String?) async throws -> Int {
        var requests: [GroupRequest] = []
        for id in Set(ids) {
            guard let request = try await store.groupRequests.find(id: id) else { throw Self.notFound }
            guard try await mayReview(request, principal: principal) else { throw UserPermissions.insufficient }
            if request.status == .pending { requests.append(request) }
        }
        var decided = 0
        for request in requests {
            // A request decided concurrently in between is skipped, not an error for the batch.
            if (try? await decide(principal: principal, request: request, status: status, reason: reason)) != nil { decided += 1 }
        }
        return decided
    }

    /// The requester withdraws a pending request; an admin of the group deletes any request.
    func delete(principal: Principal, id: ObjectId) async throws {
        let request = try await get(principal: principal, id: id)
        if try await mayReview(request, principal: principal) {
            guard try await store.groupRequests.delete(id: id) else { throw Self.notFound }
            await activity.record(principal, "group_request.delete", on: "group_request", id: id, administrative: true)
            return
        }
        guard request.status == .pending else { throw DomainError.conflict("Only a pending request can be withdrawn") }
        let review = GroupRequestReview(status: .withdrawn, reviewerId: principal.userId, reviewerName: principal.username, reason: nil, at: Date())
        guard try await store.groupRequests.review(id: id, review) != nil else {
            throw DomainError.conflict("Only a pending request can be withdrawn")
        }
        await activity.record(principal, "group_request.withdraw", on: "group_request", id: id)
    }

    private func decide(principal: Principal, id: ObjectId, status: GroupRequestStatus, reason: String?) async throws -> GroupRequest {
        guard let request = try await store.groupRequests.find(id: id) else { throw Self.notFound }
        guard try await mayReview(request, principal: principal) else { throw UserPermissions.insufficient }
        return try await decide(principal: principal, request: request, status: status, reason: reason)
    }

    /// Decides a request the caller has already been allowed to review.
    private func decide(principal: Principal, request: GroupRequest, status: GroupRequestStatus, reason: String?) async throws -> GroupRequest {
        let id = request.id
        guard request.status == .pending else { throw DomainError.conflict("This request has already been \(request.status.rawValue)") }
        if let reason, reason.count > 1_000 { throw DomainError.validation("reason must be at most 1000 characters") }
        if status == .approved {
            guard let group = try await store.groups.find(id: request.groupId), !group.isArchived else { throw GroupService.notFound }
            if !group.isMember(request.userId), let user = try await store.users.find(id: request.userId), user.isActive {
                _ = try await groups.join(user, group: group, role: .member)
            }
        }
        let review = GroupRequestReview(status: status, reviewerId: principal.userId, reviewerName: principal.username, reason: reason, at: Date())
        guard let decided = try await store.groupRequests.review(id: id, review) else {
            throw DomainError.conflict("This request has already been reviewed")
        }
        await activity.record(principal, "group_request.\(status.rawValue)", on: "group_request", id: id, details: request.groupName, administrative: true)
        let verdict = status == .approved ? "approved" : "rejected"
        await notifications.notify(
            request.userId, type: "group_request_\(verdict)", title: "Join request \(verdict)",
            message: "Your request to join \(request.groupName) was \(verdict)" + (reason.map { ": \($0)" } ?? ""),
            data: ["groupId": request.groupId.hexString, "requestId": request.id.hexString])
        return decided
    }

    private func mayReview(_ request: GroupRequest, principal: Principal) async throws -> Bool {
        if principal.isSuperAdmin { return true }
        guard let group = try await store.groups.find(id: request.groupId) else { return false }
        return group.isAdmin(principal.userId)
    }

    private func scoped(_ query: GroupRequestQuery, principal: Principal) async throws -> GroupRequestQuery {
        var query = query
        if principal.isSuperAdmin { return query }
        let administered = try await groups.administeredGroupIds(principal)
        if administered.isEmpty {
            query.userId = principal.userId
        } else {
            query.groupIds = administered
        }
        return query
    }
}
