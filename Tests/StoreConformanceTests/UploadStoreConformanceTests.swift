import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("UploadStore conformance")
struct UploadStoreConformanceTests {
    typealias F = StoreFixtures

    static func upload(_ owner: User, _ kind: UploadKind, _ name: String, at seconds: Double) -> Upload {
        Upload(
            ownerId: owner.id, kind: kind, storedName: name, thumbnailName: kind == .image ? "thumb-\(name)" : nil,
            originalName: "original \(name)", mimeType: "image/png", size: 1234, sha256: String(repeating: "0f", count: 32),
            createdAt: F.at(seconds))
    }

    @Test(arguments: Engine.available)
    func uploadsRoundTripByStoredName(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let image = Self.upload(alice, .image, "a.png", at: 1)
            try await store.uploads.insert(image)
            #expect(try await store.uploads.find(storedName: "a.png") == image)
            #expect(try await store.uploads.find(storedName: "missing.png") == nil)

            await #expect(throws: StoreError.duplicate(field: "storedName")) {
                try await store.uploads.insert(Self.upload(alice, .file, "a.png", at: 2))
            }
        }
    }

    @Test(arguments: Engine.available)
    func listIsPerOwnerAndKindNewestFirst(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let bob = try await F.insertUser(store, "bob")
            let first = Self.upload(alice, .avatar, "1.png", at: 1)
            let second = Self.upload(alice, .avatar, "2.png", at: 2)
            let file = Self.upload(alice, .file, "3.png", at: 3)
            let bobs = Self.upload(bob, .avatar, "4.png", at: 4)
            for upload in [first, second, file, bobs] { try await store.uploads.insert(upload) }

            #expect(try await store.uploads.list(ownerId: alice.id, kind: .avatar).map(\.storedName) == ["2.png", "1.png"])
            #expect(try await store.uploads.list(ownerId: alice.id, kind: nil).map(\.storedName) == ["3.png", "2.png", "1.png"])
            #expect(try await store.uploads.list(ownerId: bob.id, kind: .file).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func deleteRemovesOnlyThatRecord(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            let kept = Self.upload(alice, .file, "kept.pdf", at: 1)
            let removed = Self.upload(alice, .file, "removed.pdf", at: 2)
            try await store.uploads.insert(kept)
            try await store.uploads.insert(removed)

            #expect(try await store.uploads.delete(id: removed.id))
            #expect(try await store.uploads.delete(id: removed.id) == false)
            #expect(try await store.uploads.find(storedName: "removed.pdf") == nil)
            #expect(try await store.uploads.find(storedName: "kept.pdf") == kept)

            let counts = try await store.removeAll()
            #expect(counts["uploads"] == 1)
            #expect(try await store.uploads.find(storedName: "kept.pdf") == nil)
        }
    }

    @Test(arguments: Engine.available)
    func concurrentDeletesOfOneRecordRemoveItOnce(engine: Engine) async throws {
        try await withStore(engine) { store in
            let alice = try await F.insertUser(store, "alice")
            for round in 0..<5 {
                let upload = Self.upload(alice, .file, "race-\(round).pdf", at: Double(round))
                try await store.uploads.insert(upload)
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<4 { group.addTask { try await store.uploads.delete(id: upload.id) } }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == 1, "round \(round): \(outcomes)")
                #expect(try await store.uploads.find(storedName: upload.storedName) == nil)
            }
        }
    }
}
