import Foundation
import ParleyCore
import SocketIO

/// Turns a client event's arguments into a `JSONBody`, so socket events are checked by the
/// same typed accessors (and answer the same messages) as REST bodies.
enum GatewayPayload {
    /// The first argument, which must be an object no larger than `maxBytes` as JSON.
    static func body(_ args: [SocketIOValue], maxBytes: Int) throws -> JSONBody {
        guard case .object(let fields)? = args.first else { throw GatewayError.payloadRequired }
        if args.first?.containsBinary == true { throw GatewayError("Binary payloads are not accepted here") }
        guard args[0].jsonString.utf8.count <= maxBytes else {
            throw GatewayError("Event payload is larger than the limit of \(maxBytes) bytes")
        }
        return JSONBody(fields: fields.mapValues(json))
    }

    static func json(_ value: SocketIOValue) -> JSONValue {
        switch value {
        // Client payloads are decoded JSON: they hold neither binary (refused above) nor
        // pre-encoded fragments.
        case .null, .binary, .json: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(json))
        case .object(let fields): return .object(fields.mapValues(json))
        }
    }

    /// A view as JSON text, encoded once and written into the packet as it is (the packet is
    /// then encoded once for the whole room). For payloads nothing on the server reads again.
    static func encoded(_ view: some Encodable) -> SocketIOValue {
        if let writable = view as? any JSONWritable {
            // The message views: the same bytes as the encoder's, written in one pass.
            var writer = JSONWriter()
            writable.write(to: &writer)
            return .json(writer.text)
        }
        guard let data = try? JSONEncoder().encode(view) else { return .null }
        return .json(String(decoding: data, as: UTF8.self))
    }

    /// A view as a Socket.IO value tree, for payloads the server still adds fields to.
    static func value(_ view: some Encodable) -> SocketIOValue {
        guard let data = try? JSONEncoder().encode(view),
            let value = try? JSONDecoder().decode(SocketIOValue.self, from: data)
        else { return .null }
        return value
    }
}
