import Hummingbird

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

extension Envelope where Payload == Empty {
    public init(message: String) {
        self.init(data: nil, message: message)
    }
}
