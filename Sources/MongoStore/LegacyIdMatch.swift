import ParleyCore

/// Matches a reference to an id in either of the forms the old server stored: a BSON ObjectId,
/// or the same id as a 24-hex string (it stored `createdBy`, `admins[…]` and channel `groupId`
/// as strings when they came from the API). Parley writes ObjectIds only, but must still find
/// and remove the references old documents hold.
enum LegacyIdMatch {
    /// Both forms of each id, for `$in`, `$nin` and `$pull … $in`.
    static func forms(of ids: [ObjectId]) -> BSONValue {
        .array(ids.flatMap { [BSONValue.objectId($0), .string($0.hexString)] })
    }

    /// `{$in: [ObjectId(id), "id"]}`.
    static func any(_ id: ObjectId) -> BSONValue {
        ["$in": forms(of: [id])]
    }

    static func any(of ids: [ObjectId]) -> BSONValue {
        ["$in": forms(of: ids)]
    }

    static func none(_ id: ObjectId) -> BSONValue {
        ["$nin": forms(of: [id])]
    }
}
