import ArgumentParser

/// One load client, over either transport.
protocol LoadgenConnection: AnyObject, Sendable {
    var isOpen: Bool { get }
    /// Sends `42["event",<json>]`.
    func emit(_ event: String, json: String)
    func close()
}

/// Called for each received event with the packet's text and the monotonic time it arrived.
typealias LoadgenEventHandler = @Sendable (_ name: Substring, _ packet: String, _ arrivedNanoseconds: UInt64) -> Void

enum LoadgenTransport: String, ExpressibleByArgument, Sendable {
    case websocket
    case polling

    /// Opens one client and waits for the server's CONNECT; nil when it failed or was refused.
    func connect(url: String, token: String, onEvent: @escaping LoadgenEventHandler) async -> (any LoadgenConnection)? {
        switch self {
        case .websocket: await LoadgenSocket.connect(url: url, token: token, onEvent: onEvent)
        case .polling: await LoadgenPollingSocket.connect(url: url, token: token, onEvent: onEvent)
        }
    }
}
