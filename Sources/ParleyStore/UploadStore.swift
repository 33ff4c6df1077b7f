import Foundation
import ParleyCore

/// Metadata of uploaded files. Stored names are unique; inserting a second record with the
/// same name throws `StoreError.duplicate(field: "storedName")`.
public protocol UploadStore: Sendable {
    func insert(_ upload: Upload) async throws
    func find(storedName: String) async throws -> Upload?
    /// An owner's uploads, newest first; all kinds when `kind` is nil.
    func list(ownerId: ObjectId, kind: UploadKind?) async throws -> [Upload]
    /// A conditional delete: true only for the call that removed the record, so of several
    /// concurrent deletes of one record exactly one sees true (false when it was already gone).
    func delete(id: ObjectId) async throws -> Bool
}
