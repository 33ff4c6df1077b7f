import ParleyStore

/// The server names a compound unique index's first key (`groupId` for channels, `userId` for
/// pending requests) as the duplicate field; the protocols promise the rule's name instead
/// (`name`, `pending`). A duplicate `_id` is a different failure and is passed on unchanged.
enum DuplicateFieldRenaming {
    static func rename(_ error: any Error, to field: String) -> any Error {
        guard case StoreError.duplicate(let reported) = error, reported != "_id" else { return error }
        return StoreError.duplicate(field: field)
    }
}
