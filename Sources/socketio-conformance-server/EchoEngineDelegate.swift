import SocketIO

/// Plain Engine.IO echo for `/engine.io/`: every message goes straight back.
final class EchoEngineDelegate: EngineSessionDelegate {
    func engineSessionDidOpen(_ session: EngineSession) {}

    func engineSession(_ session: EngineSession, didReceive message: EnginePacket.Payload) async {
        switch message {
        case .text(let text):
            session.send(.packet(.message, text))
        case .binary(let buffer):
            session.send(.binary(buffer))
        }
    }

    func engineSessionDidClose(_ session: EngineSession, reason: EngineCloseReason) {}
}
