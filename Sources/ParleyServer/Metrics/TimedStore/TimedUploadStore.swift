import Foundation
import ParleyCore
import ParleyStore

/// Times every call of the uploads repository (see `TimedStore`).
struct TimedUploadStore: UploadStore {
    let base: any UploadStore
    let timer: StoreTimer

    func insert(_ upload: Upload) async throws {
        try await timer.time("uploads.insert(_:)") { try await base.insert(upload) }
    }

    func find(storedName: String) async throws -> Upload? {
        try await timer.time("uploads.find(storedName:)") { try await base.find(storedName: storedName) }
    }

    func list(ownerId: ObjectId, kind: UploadKind?) async throws -> [Upload] {
        try await timer.time("uploads.list(ownerId:kind:)") { try await base.list(ownerId: ownerId, kind: kind) }
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await timer.time("uploads.delete(id:)") { try await base.delete(id: id) }
    }
}
