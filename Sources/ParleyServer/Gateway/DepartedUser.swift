import ParleyCore

/// A user who went offline because the node holding their sockets died.
struct DepartedUser: Sendable, Equatable {
    var userId: ObjectId
    var username: String
    var groups: Set<ObjectId>
}
