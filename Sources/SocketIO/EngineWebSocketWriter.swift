/// A WebSocket transport's offer to write one batch of frames (nil: stop using this socket).
/// The session keeps at most one and uses it once.
struct EngineWebSocketWriter: Sendable {
    let deliver: @Sendable ([EngineFrame]?) -> Void
}
