import ParleyServer

/// One input is the text of a WebSocket frame from a PeerJS client.
///
/// Invariants for a message the server accepts: what it relays is a message again, with the
/// same type and destination and the sender's id as `src`, and relaying that changes nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let message = PeerMessage(text: text) else { return 0 }
    let relayed = message.relayed(from: "sender-id")
    guard let again = PeerMessage(text: relayed) else { preconditionFailure("the relayed text is not a message: \(relayed)") }
    precondition(again.type == message.type, "the type changed in the relay")
    precondition(again.destination == message.destination, "the destination changed in the relay")
    precondition(again.fields["src"] as? String == "sender-id", "src is not the sender's id")
    precondition(again.relayed(from: "sender-id") == relayed, "relaying twice changed the text")
    return 0
}
