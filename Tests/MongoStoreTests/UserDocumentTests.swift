import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `users` document shape shared with the old Node server.
struct UserDocumentTests {
    @Test func userIsWrittenInTheOldServersShape() throws {
        let document = try UserDocuments.document(for: Fixtures.user)
        #expect(
            document.keys == [
                "_id", "username", "email", "password", "roles", "groups", "isActive", "createdAt", "updatedAt",
                "lastLogin", "avatar", "bio", "phone", "address",
            ])
        #expect(document["_id"] == .objectId(Fixtures.userId))
        #expect(document["password"] == "$2b$10$abcdefghijklmnopqrstuv", "the hash is stored as `password`")
        #expect(document["roles"] == ["user", "group_admin"])
        #expect(document["groups"] == [], "membership is written by the group store, not by insert")
        #expect(document["createdAt"] == .date(Fixtures.createdAt))
        #expect(document["phone"] == .null, "unset optionals are null, as the old server writes them")
        #expect(document["address"] == .null)
    }

    @Test func userRoundTripsThroughLibbson() throws {
        // Through the document type itself, groups included (as the group store keeps them).
        let full = try BSONDocument(bytes: BSONEncoder().encode(UserDocument(Fixtures.user)).bytes())
        #expect(full["groups"] == [.objectId(Fixtures.groupId)])
        #expect(try UserDocuments.user(from: full) == Fixtures.user)
        // Through the insert document, which leaves membership to the group store.
        var inserted = Fixtures.user
        inserted.groups = []
        let stored = try BSONDocument(bytes: UserDocuments.document(for: Fixtures.user).bytes())
        #expect(try UserDocuments.user(from: stored) == inserted)
        var bare = Fixtures.user
        bare.lastLogin = nil
        bare.avatar = nil
        bare.bio = nil
        bare.groups = []
        #expect(try UserDocuments.user(from: BSONDocument(bytes: UserDocuments.document(for: bare).bytes())) == bare)
    }

    @Test func oldDataQuirksAreReadLeniently() throws {
        // As the Node server may have left it: no isActive, no lastLogin, no optional fields,
        // a string and a number among the group ids, and Mongoose's `__v`.
        let old: BSONDocument = [
            "_id": .objectId(Fixtures.userId),
            "username": "bob",
            "email": "bob@example.com",
            "password": "$2a$10$hash",
            "roles": ["user"],
            "groups": [.objectId(Fixtures.groupId), "5f1d7f3a9b1e8a0099999999", "not-an-id", 12],
            "createdAt": .date(Fixtures.createdAt),
            "updatedAt": .date(Fixtures.updatedAt),
            "__v": 0,
        ]
        let user = try UserDocuments.user(from: old)
        #expect(user.isActive, "absent isActive means active")
        #expect(user.groups == [Fixtures.groupId, ObjectId("5f1d7f3a9b1e8a0099999999")].compactMap { $0 })
        #expect(user.lastLogin == nil && user.avatar == nil && user.bio == nil && user.phone == nil)
    }

    @Test func missingRolesGroupsAndTimestampsGetDefaults() throws {
        let minimal: BSONDocument = [
            "_id": .objectId(Fixtures.userId), "username": "c", "email": "c@example.com", "password": "h",
            "lastLogin": nil, "avatar": nil,
        ]
        let user = try UserDocuments.user(from: minimal)
        #expect(user.roles == [.user])
        #expect(user.groups == [])
        #expect(user.createdAt == Fixtures.userId.timestamp)
        #expect(user.updatedAt == user.createdAt)
        #expect(user.lastLogin == nil)
    }

    @Test func unreadableDocumentsAreCorrupt() {
        let broken: BSONDocument = ["_id": .objectId(Fixtures.userId), "username": 5, "email": "e", "password": "p"]
        #expect {
            try UserDocuments.user(from: broken)
        } throws: { error in
            guard case .corrupt(let text)? = error as? StoreError else { return false }
            return text.contains(Fixtures.userId.hexString)
        }
        #expect(throws: StoreError.self) { try UserDocuments.user(from: ["_id": "not an ObjectId"]) }
    }

    @Test func sessionIsWrittenAndReadBack() throws {
        let document = try AuthSessionDocuments.document(for: Fixtures.session)
        #expect(
            document.keys == ["_id", "userId", "createdAt", "lastUsedAt", "expiresAt", "revokedAt", "userAgent", "ipAddress"])
        #expect(document["userId"] == .objectId(Fixtures.userId))
        #expect(document["revokedAt"] == .null)
        #expect(try AuthSessionDocuments.session(from: BSONDocument(bytes: document.bytes())) == Fixtures.session)

        var revoked = Fixtures.session
        revoked.revokedAt = Fixtures.lastLogin
        revoked.userAgent = nil
        let back = try AuthSessionDocuments.session(from: BSONDocument(bytes: AuthSessionDocuments.document(for: revoked).bytes()))
        #expect(back == revoked)
    }

    @Test func sessionWithoutOptionalFieldsReads() throws {
        let minimal: BSONDocument = [
            "_id": .objectId(Fixtures.groupId), "userId": .objectId(Fixtures.userId),
            "createdAt": .date(Fixtures.createdAt), "expiresAt": .date(Fixtures.updatedAt),
        ]
        let session = try AuthSessionDocuments.session(from: minimal)
        #expect(session.lastUsedAt == Fixtures.createdAt)
        #expect(session.revokedAt == nil && session.userAgent == nil && session.ipAddress == nil)
    }
}

/// `users.groups` as the group store leaves it next to old data.
struct UserGroupsReadingTests {
    @Test func aGroupHeldInBothIdFormsIsListedOnce() throws {
        let document: BSONDocument = [
            "_id": .objectId(Fixtures.userId), "username": "a", "email": "a@example.com", "password": "h",
            "groups": [.string(Fixtures.groupId.hexString), .objectId(Fixtures.otherUserId), .objectId(Fixtures.groupId)],
        ]
        #expect(try UserDocuments.user(from: document).groups == [Fixtures.groupId, Fixtures.otherUserId])
    }
}
