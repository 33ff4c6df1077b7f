import ParleyCore
import ParleyStore

/// The fields of a group to create, type-checked by the controller and validated here.
struct GroupDraft: Sendable {
    var name: String
    var description: String?
    var category: String?
    var status: String?
    var isPrivate: Bool?
    var maxMembers: Int?
    var avatar: String?
    var tags: [String]?
    var rules: [String]?

    func validate() throws {
        try Self.validate(
            GroupChanges(name: name, description: description, category: category, status: status, maxMembers: .some(maxMembers)))
    }

    static func validate(_ changes: GroupChanges) throws {
        if let name = changes.name {
            guard !name.isEmpty, name.count <= GroupService.maximumNameLength else {
                throw DomainError.validation("Group name must be 1-\(GroupService.maximumNameLength) characters")
            }
        }
        if let description = changes.description, description.count > 2_000 {
            throw DomainError.validation("Description must be at most 2000 characters")
        }
        if let status = changes.status, !GroupStatus.allowed.contains(status) {
            throw DomainError.validation("status must be active, inactive or pending")
        }
        if let category = changes.category, category.isEmpty || category.count > 50 {
            throw DomainError.validation("category must be 1-50 characters")
        }
        if case .some(.some(let maxMembers)) = changes.maxMembers, maxMembers < 1 {
            throw DomainError.validation("maxMembers must be a positive number")
        }
    }
}
