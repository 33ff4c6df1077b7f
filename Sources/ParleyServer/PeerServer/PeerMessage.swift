import Foundation

/// One PeerJS signaling message, `{type, src?, dst?, payload?}`, kept as parsed JSON so the
/// payload is relayed untouched. Public for the fuzz target (FuzzPeerMessage).
public struct PeerMessage {
    public var fields: [String: Any]

    public init?(text: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], object["type"] is String else {
            return nil
        }
        fields = object
    }

    public var type: String { fields["type"] as? String ?? "" }
    public var destination: String? { (fields["dst"] as? String).flatMap { $0.isEmpty ? nil : $0 } }

    /// The message as relayed: `src` is always the sender's registered id, never what it said.
    public func relayed(from source: String) -> String {
        var copy = fields
        copy["src"] = source
        return Self.serialize(copy)
    }

    static func encode(type: String, source: String? = nil, destination: String? = nil, payload: [String: Any]? = nil) -> String {
        var object: [String: Any] = ["type": type]
        if let source { object["src"] = source }
        if let destination { object["dst"] = destination }
        if let payload { object["payload"] = payload }
        return serialize(object)
    }

    private static func serialize(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
