/// The columns of `messages` that make a `Message`, in the order every message query selects
/// them (`SQLiteMessageColumn.list`): rows are then read by position, with no name lookups.
enum SQLiteMessageColumn: Int32, CaseIterable {
    case id, channelId, groupId, userId, username, text, type, imageUrl, fileUrl, attachment
    case replyTo, replyCount, lastReplyAt, mentions, tags, isEdited, editedAt, isDeleted, deletedAt, createdAt, updatedAt

    /// "id, channelId, …": the select list (and insert list) in case order.
    static let list = allCases.map { "\($0)" }.joined(separator: ", ")

    /// The same list with each column prefixed by a table alias ("m.id, m.channelId, …").
    static func list(qualifiedBy alias: String) -> String {
        allCases.map { "\(alias).\($0)" }.joined(separator: ", ")
    }
}
