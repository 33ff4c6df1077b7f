import Foundation
import NIOCore
import ParleyCore
import Testing

@testable import ParleyServer

/// The hot views write their JSON by hand (`JSONWritable`); clients must get the same JSON
/// `JSONEncoder` wrote before — the same members with the same values, for every shape a
/// message can take. (Only the key order differs: the writer keeps the declared order, while
/// `JSONEncoder` here writes keys in hash order, which changes from one process to the next.)
@Suite("JSON writer")
struct JSONWriterTests {
    /// Texts that exercise every escape: quotes, backslashes, slashes, each control character,
    /// DEL, non-ASCII letters, emoji (4-byte UTF-8), U+2028, an empty string.
    static let texts: [String?] = [
        nil, "", "hello", #"a "quoted" \ back\slash"#, "http://x.test/a/b?c=d&e=<f>",
        String((0..<32).map { Character(UnicodeScalar(UInt8($0))) }) + "\u{7F}",
        "Grüße aus Köln — 東京へ 👋🏽 family 👨‍👩‍👧", "line\u{2028}sep\u{2029}end", "tab\there\nnew\r\n",
    ]

    static func messages() -> [Message] {
        let channel = ObjectId(), group = ObjectId(), author = ObjectId()
        let created = Date(timeIntervalSince1970: 1_736_899_200.123)
        var list: [Message] = []
        for (index, text) in texts.enumerated() {
            list.append(Message(channelId: channel, groupId: group, userId: author, username: text ?? "nobody", text: text, createdAt: created))
            list.append(Message(
                channelId: channel, groupId: group, userId: author, username: "ü/\"x\"", text: text, type: "file",
                imageUrl: "/uploads/images/a.png", fileUrl: text,
                attachment: Attachment(url: "/uploads/files/\(index).pdf", fileName: text, fileSize: index == 0 ? nil : index * 1000,
                                       mimeType: index % 2 == 0 ? nil : "application/pdf"),
                replyTo: ObjectId(), replyCount: index, lastReplyAt: index % 2 == 0 ? nil : created,
                mentions: index % 3 == 0 ? [] : [ObjectId(), ObjectId()], tags: index % 2 == 0 ? nil : ["a/b", text ?? "", "ü"],
                isEdited: true, editedAt: created.addingTimeInterval(60), isDeleted: index % 2 == 1,
                deletedAt: index % 2 == 1 ? created.addingTimeInterval(120) : nil, createdAt: created, updatedAt: created.addingTimeInterval(3)))
        }
        list.append(Message(
            channelId: channel, groupId: group, userId: author, username: "u", text: "t",
            attachment: Attachment(url: "u"), tags: []))
        return list
    }

    private static func written(_ view: some JSONWritable) -> String {
        var writer = JSONWriter()
        view.write(to: &writer)
        return writer.text
    }

    private static func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// Both texts parse, and to equal value trees.
    private static func sameJSON(_ first: String, _ second: String) throws -> Bool {
        let decoder = JSONDecoder()
        return try decoder.decode(JSONValue.self, from: Data(first.utf8)) == decoder.decode(JSONValue.self, from: Data(second.utf8))
    }

    @Test func stringsAreEscapedAsJSONEncoderEscapesThem() throws {
        // Escapes are not a matter of order: these are compared byte for byte.
        for case let text? in Self.texts {
            var writer = JSONWriter()
            writer.string(text)
            #expect(String(buffer: writer.buffer) == (try Self.encoded(text)))
        }
    }

    @Test func aMessageIsWrittenAsJSONEncoderEncodesIt() throws {
        for message in Self.messages() {
            let view = MessageView(message)
            let written = Self.written(view), encoded = try Self.encoded(view)
            #expect(try Self.sameJSON(written, encoded), "written: \(written)\nencoded: \(encoded)")
            #expect(written.hasPrefix(#"{"_id":""#), "declared order, _id first: \(written)")
        }
    }

    @Test func numbersIdsAndDatesAreWrittenAsTheirTextForms() throws {
        for value in [0, 7, -7, 10, -10, 1_234_567_890, Int.max, Int.min] {
            var writer = JSONWriter()
            writer.integer(value)
            #expect(writer.text == String(value))
        }
        let id = try #require(ObjectId("507f1f77bcf86cd799439011"))
        var idWriter = JSONWriter()
        idWriter.id(id)
        #expect(idWriter.text == #""507f1f77bcf86cd799439011""#)
        // Inside years 1–9999 the writer's own digits; outside, the style's text, quoted.
        let dates = [0, 1_736_899_200.123, -0.001, -62_135_596_800, 253_402_300_799.999, 253_402_300_800, -62_135_596_800.001]
            .map(Date.init(timeIntervalSince1970:))
        for date in dates {
            var writer = JSONWriter()
            writer.date(date)
            #expect(writer.text == (try Self.encoded(WireDate.string(date))), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func aPageIsWrittenAsJSONEncoderEncodesIt() throws {
        let page = Self.messages().map(MessageView.init)
        #expect(try Self.sameJSON(Self.written(page), try Self.encoded(page)))
        #expect(Self.written([MessageView]()) == "[]")
    }

    @Test func envelopesOfMessagesAreWrittenAsJSONEncoderEncodesThem() throws {
        let page = Self.messages().map(MessageView.init)
        for envelope in [Envelope(data: page), Envelope(data: page, message: "Message \"sent\" / ok"), Envelope(data: [])] {
            let body = try #require(envelope.writtenJSON())
            #expect(try Self.sameJSON(String(buffer: body), try Self.encoded(envelope)))
        }
        let one = Envelope(data: MessageView(Self.messages()[3]), message: "Message sent successfully")
        #expect(try Self.sameJSON(String(buffer: try #require(one.writtenJSON())), try Self.encoded(one)))
        // A view without a writer goes through the encoder, as before.
        #expect(Envelope(data: ["channelId": "abc/def"], message: "m").writtenJSON() == nil)
        #expect(Envelope<[MessageView]>(data: nil, message: "gone").writtenJSON() == nil)
    }
}
