import Foundation
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// The `messages` document shape, and the lenient reading of the old server's messages.
struct MessageDocumentTests {
    private let messageId = ObjectId("5f1d7f3a9b1e8a00eeeeee01") ?? ObjectId()
    private let parentId = ObjectId("5f1d7f3a9b1e8a00eeeeee02") ?? ObjectId()

    private var reply: Message {
        Message(
            id: messageId, channelId: Fixtures.channelId, groupId: Fixtures.groupId, userId: Fixtures.userId,
            username: "alice", text: "see attached", type: "file", fileUrl: "/uploads/files/a.pdf",
            attachment: Attachment(url: "/uploads/files/a.pdf", fileName: "a.pdf", fileSize: 2048, mimeType: "application/pdf"),
            replyTo: parentId, mentions: [Fixtures.otherUserId], tags: ["docs"], createdAt: Fixtures.createdAt)
    }

    private func read(_ document: BSONDocument) throws -> Message {
        try MessageDocuments.message(from: BSONDocument(bytes: document.bytes()))
    }

    @Test func replyIsWrittenWithObjectIdsAndTheOldTopLevelFileFields() throws {
        let document = try MessageDocuments.document(for: reply)
        #expect(
            document.keys == [
                "_id", "channelId", "groupId", "userId", "username", "text", "type", "imageUrl", "fileUrl", "attachment",
                "fileName", "fileSize", "replyTo", "replyCount", "lastReplyAt", "mentions", "tags", "isEdited", "editedAt",
                "isDeleted", "deletedAt", "createdAt", "updatedAt", "searchGrams",
            ])
        #expect(document["searchGrams"] == .array([" at", "ach", "att", "che", "e a", "ee ", "hed", "see", "tac", "tta"].map(BSONValue.string)))
        #expect(document["channelId"] == .objectId(Fixtures.channelId))
        #expect(document["userId"] == .objectId(Fixtures.userId))
        #expect(document["replyTo"] == .objectId(parentId))
        #expect(document["fileName"] == "a.pdf" && document["fileSize"] == .int32(2048))
        #expect(document["attachment"]?.documentValue?["mimeType"] == "application/pdf")
        #expect(document["mentions"] == [.objectId(Fixtures.otherUserId)])
        #expect(try read(document) == reply)
    }

    @Test func aMessageThatIsNoReplyHasNoReplyToField() throws {
        var message = reply
        message.replyTo = nil
        message.attachment = nil
        message.tags = nil
        let document = try MessageDocuments.document(for: message)
        #expect(document["replyTo"] == nil, "left out, so the partial replyTo index holds replies only")
        #expect(document["fileName"] == .null && document["fileSize"] == .null && document["attachment"] == .null)
        #expect(try read(document) == message)
    }

    @Test func everyFieldRoundTrips() throws {
        let message = Message(
            id: messageId, channelId: Fixtures.channelId, groupId: Fixtures.groupId, userId: Fixtures.userId,
            username: "alice", text: nil, type: "image", imageUrl: "/uploads/images/x.png", replyCount: 3,
            lastReplyAt: Fixtures.lastLogin, isEdited: true, editedAt: Fixtures.updatedAt, isDeleted: true,
            deletedAt: Fixtures.lastLogin, createdAt: Fixtures.createdAt, updatedAt: Fixtures.lastLogin)
        #expect(try read(MessageDocuments.document(for: message)) == message)
    }

    @Test func oldMessageWithStringIdsAndNoParleyFieldsIsReadLeniently() throws {
        let old: BSONDocument = [
            "_id": .objectId(messageId), "channelId": .string(Fixtures.channelId.hexString),
            "userId": .string(Fixtures.userId.hexString), "username": "alice", "text": "hello", "type": "text",
            "replyTo": nil, "mentions": nil, "tags": nil, "isEdited": false, "isDeleted": false,
            "createdAt": .date(Fixtures.createdAt), "updatedAt": .date(Fixtures.updatedAt),
        ]
        let message = try read(old)
        #expect(message.channelId == Fixtures.channelId && message.userId == Fixtures.userId)
        #expect(message.groupId == Fixtures.channelId, "a missing groupId reads as the channel's id")
        #expect(message.replyCount == 0 && message.lastReplyAt == nil)
        #expect(message.mentions == [] && message.tags == nil && message.replyTo == nil)
        #expect(message.updatedAt == Fixtures.updatedAt)
    }

    @Test func oldReplyCopyNamesItsParentInOriginalMessageId() throws {
        let copy: BSONDocument = [
            "_id": .objectId(messageId), "channelId": .objectId(Fixtures.channelId), "userId": .objectId(Fixtures.userId),
            "username": "bob", "text": "a reply", "type": "text", "isReply": true,
            "originalMessageId": .objectId(parentId), "fileName": nil, "fileSize": nil, "createdAt": .date(Fixtures.createdAt),
        ]
        #expect(try read(copy).replyTo == parentId)
        var stringParent = copy
        stringParent["originalMessageId"] = .string(parentId.hexString)
        #expect(try read(stringParent).replyTo == parentId)
        var replyToFirst = copy
        replyToFirst["replyTo"] = .string(Fixtures.requestId.hexString)
        #expect(try read(replyToFirst).replyTo == Fixtures.requestId, "replyTo wins when it is an id")
        var junkReplyTo = copy
        junkReplyTo["replyTo"] = "not an id"
        #expect(try read(junkReplyTo).replyTo == parentId)
    }

    @Test func oldTopLevelFileNameAndSizeBecomeTheAttachment() throws {
        let old: BSONDocument = [
            "_id": .objectId(messageId), "channelId": .objectId(Fixtures.channelId), "userId": .objectId(Fixtures.userId),
            "username": "bob", "text": nil, "fileUrl": "/uploads/files/r.pdf", "fileName": "r.pdf", "fileSize": .double(512),
            "createdAt": .date(Fixtures.createdAt),
        ]
        let message = try read(old)
        #expect(message.attachment == Attachment(url: "/uploads/files/r.pdf", fileName: "r.pdf", fileSize: 512))
        #expect(message.type == "file", "no type: inferred from the url")
        var image = old
        image["fileUrl"] = nil
        image["fileName"] = nil
        image["fileSize"] = nil
        image["imageUrl"] = "/uploads/images/p.png"
        #expect(try read(image).attachment == nil, "a url alone is no attachment")
        #expect(try read(image).type == "image")
    }

    @Test func mentionsAndTagsSkipEntriesOfTheWrongKind() throws {
        let old: BSONDocument = [
            "_id": .objectId(messageId), "channelId": .objectId(Fixtures.channelId), "userId": .objectId(Fixtures.userId),
            "username": "bob", "text": "hi @alice",
            "mentions": [.string(Fixtures.userId.hexString), "alice", 7, .objectId(Fixtures.otherUserId)],
            "tags": ["a", 1, "b"], "replyCount": .double(2),
        ]
        let message = try read(old)
        #expect(message.mentions == [Fixtures.userId, Fixtures.otherUserId])
        #expect(message.tags == ["a", "b"])
        #expect(message.replyCount == 2)
        #expect(message.createdAt == messageId.timestamp && message.updatedAt == messageId.timestamp)
        #expect(message.type == "text" && message.isEdited == false && message.isDeleted == false)
    }

    @Test func aMessageWithoutChannelOrAuthorIsCorrupt() {
        let orphan: BSONDocument = ["_id": .objectId(messageId), "userId": .objectId(Fixtures.userId), "text": "x"]
        #expect(throws: StoreError.self) { try MessageDocuments.message(from: orphan) }
        let anonymous: BSONDocument = ["_id": .objectId(messageId), "channelId": .objectId(Fixtures.channelId), "userId": 5]
        #expect(throws: StoreError.self) { try MessageDocuments.message(from: anonymous) }
    }
}
