import NIOCore

/// Receives the life cycle of Engine.IO sessions (Socket.IO sits here, or a plain echo).
public protocol EngineSessionDelegate: AnyObject, Sendable {
    /// A session completed its handshake.
    func engineSessionDidOpen(_ session: EngineSession)
    /// A `message` packet arrived. Calls for one session come in order, one at a time.
    func engineSession(_ session: EngineSession, didReceive message: EnginePacket.Payload) async
    /// The session closed; it will not be used again.
    func engineSessionDidClose(_ session: EngineSession, reason: EngineCloseReason)
}
