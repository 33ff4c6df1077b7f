import Hummingbird
import NIOCore

/// The success envelope `{success: true, data?, message?}`. `data` is left out when nil, as the
/// old server's delete answers carry only a message.
public struct Envelope<Payload: Encodable & Sendable>: ResponseEncodable, Sendable {
    public var data: Payload?
    public var message: String?

    public init(data: Payload?, message: String? = nil) {
        self.data = data
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case success, data, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(true, forKey: .success)
        try container.encodeIfPresent(data, forKey: .data)
        try container.encodeIfPresent(message, forKey: .message)
    }
}

/// An envelope with no data, only a message.
public typealias MessageEnvelope = Envelope<Empty>

/// Stands for "no data" in `Envelope`.
public struct Empty: Encodable, Sendable {}

extension Envelope {
    /// Envelopes of views that write themselves (`JSONWritable`: the message views of history
    /// pages and posts) skip `JSONEncoder`; the bytes are the same either way.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        guard let body = writtenJSON() else { return try context.responseEncoder.encode(self, from: request, context: context) }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes)],
            body: .init(byteBuffer: body))
    }

    /// The envelope's JSON from `JSONWriter`, or nil when its data does not write itself.
    func writtenJSON() -> ByteBuffer? {
        guard let writable = data as? any JSONWritable else { return nil }
        var writer = JSONWriter(capacity: 16 * 1024)
        writer.openObject()
        writer.field("success", true)
        writer.key("data")
        writable.write(to: &writer)
        if let message { writer.field("message", message) }
        writer.closeObject()
        return writer.buffer
    }
}

extension Envelope where Payload == Empty {
    public init(message: String) {
        self.init(data: nil, message: message)
    }
}
