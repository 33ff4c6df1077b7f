/// A refusal of one client event, sent back as an `error` event (and as the acknowledgement
/// when the client asked for one). It never ends the socket.
struct GatewayError: Error, Sendable, Equatable {
    let message: String

    init(_ message: String) { self.message = message }

    static let tooFast = GatewayError("Too many events, slow down")
    static let payloadRequired = GatewayError("Event payload must be a JSON object")
}
