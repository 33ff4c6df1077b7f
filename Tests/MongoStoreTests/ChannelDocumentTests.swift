import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `channels` document shape, and the lenient reading of the old server's channels.
struct ChannelDocumentTests {
    private let groupId = Fixtures.groupId
    private let creator = Fixtures.userId

    @Test func channelIsWrittenWithObjectIdsAndFullSettings() throws {
        let document = try ChannelDocuments.document(for: Fixtures.channel)
        #expect(
            document.keys == [
                "_id", "groupId", "name", "description", "type", "isPrivate", "isActive", "maxMembers", "settings", "members",
                "admins", "createdBy", "createdAt", "updatedAt", "archivedAt",
            ])
        #expect(document["groupId"] == .objectId(groupId))
        #expect(document["createdBy"] == .objectId(creator))
        #expect(document["members"] == [.objectId(creator), .objectId(Fixtures.otherUserId)])
        #expect(document["admins"] == [.objectId(creator)])
        #expect(document["maxMembers"] == .null && document["archivedAt"] == .null)
        #expect(
            document["settings"]?.documentValue?.keys == [
                "slowMode", "requireApproval", "allowReactions", "allowPolls", "allowFileUploads", "allowImageUploads",
                "allowVideoUploads", "maxFileSize", "allowedFileTypes",
            ])
        #expect(document["settings"]?.documentValue?["slowMode"] == .int32(5))
    }

    @Test func channelRoundTripsThroughLibbson() throws {
        let document = try ChannelDocuments.document(for: Fixtures.channel)
        #expect(try ChannelDocuments.channel(from: BSONDocument(bytes: document.bytes())) == Fixtures.channel)
        var archived = Fixtures.channel
        archived.archivedAt = Fixtures.lastLogin
        archived.maxMembers = 12
        #expect(try ChannelDocuments.channel(from: BSONDocument(bytes: ChannelDocuments.document(for: archived).bytes())) == archived)
    }

    @Test func everyAdminIsAlsoAMemberAndEachIdIsKeptOnce() throws {
        var channel = Fixtures.channel
        let third = ObjectId()
        channel.members = [Fixtures.otherUserId, creator, Fixtures.otherUserId]
        channel.admins = [third, creator]
        let document = try ChannelDocuments.document(for: channel)
        #expect(document["members"] == [.objectId(Fixtures.otherUserId), .objectId(creator), .objectId(third)])
        #expect(document["admins"] == [.objectId(creator), .objectId(third)], "admins in member order")
    }

    @Test func oldApiChannelReadsWithDefaults() throws {
        // POST /api/channels: string ids, no members or admins, only the upload settings, no type.
        let old: BSONDocument = [
            "_id": .objectId(Fixtures.channelId), "name": "general", "description": nil, "groupId": .string(groupId.hexString),
            "isActive": true, "createdBy": .string(creator.hexString),
            "settings": ["allowFileUploads": false, "maxFileSize": .double(2048), "allowedFileTypes": ["image/png"]],
            "createdAt": .date(Fixtures.createdAt), "updatedAt": .date(Fixtures.updatedAt),
        ]
        let channel = try ChannelDocuments.channel(from: old)
        #expect(channel.groupId == groupId && channel.createdBy == creator)
        #expect(channel.type == "text" && channel.description == "")
        #expect(channel.members.isEmpty && channel.admins.isEmpty)
        #expect(!channel.isPrivate && channel.isActive && channel.archivedAt == nil)
        #expect(
            channel.settings
                == ChannelSettings(allowFileUploads: false, maxFileSize: 2048, allowedFileTypes: ["image/png"]))
    }

    @Test func seededChannelWithMixedIdFormsReadsEachOnce() throws {
        let old: BSONDocument = [
            "_id": .objectId(Fixtures.channelId), "name": "general", "groupId": .objectId(groupId), "type": "voice",
            "createdBy": .objectId(creator),
            "members": [.objectId(creator), .string(creator.hexString), "junk", .objectId(Fixtures.otherUserId)],
            "admins": [.string(Fixtures.otherUserId.hexString)],
            "lastMessage": ["text": "hi"],
        ]
        let channel = try ChannelDocuments.channel(from: old)
        #expect(channel.members == [creator, Fixtures.otherUserId])
        #expect(channel.admins == [Fixtures.otherUserId])
        #expect(channel.settings == ChannelSettings())
        #expect(channel.createdAt == Fixtures.channelId.timestamp)
    }

    @Test func aChannelWithoutAGroupIsCorrupt() {
        // The old API inserted such channels when the body lacked groupId.
        #expect {
            try ChannelDocuments.channel(from: ["_id": .objectId(Fixtures.channelId), "name": "x", "createdBy": .objectId(creator)])
        } throws: { error in
            guard case .corrupt(let text)? = error as? StoreError else { return false }
            return text.contains(Fixtures.channelId.hexString) && text.contains("groupId")
        }
    }
}
