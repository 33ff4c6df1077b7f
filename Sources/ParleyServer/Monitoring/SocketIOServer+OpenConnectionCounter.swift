import SocketIO

/// Each open Engine.IO session is one client connection, whatever its transport (polling or
/// WebSocket) and whether or not it has joined a namespace yet.
extension SocketIOServer: OpenConnectionCounter {
    public func openConnections() async -> Int { engine.sessionCount }
}
