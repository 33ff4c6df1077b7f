import ParleyCore
import SocketIO
import Synchronization

/// What the gateway knows about one connected socket: whose it is and what it is doing.
final class GatewaySession: Sendable {
    private struct State {
        var principal: Principal
        /// The channel of the last `join_channel` (as the client named it), for `user_left`.
        var currentChannel: (id: ObjectId, room: String)?
        var messageBucket: TokenBucket
        var typingBucket: TokenBucket
        var queryBucket: TokenBucket
        var cameOnline = false
    }

    let socket: SocketIOSocket
    let userId: ObjectId
    /// The sign-in session of the token the socket connected with: revoking it disconnects
    /// the socket.
    let authSessionId: ObjectId
    private let state: Mutex<State>

    init(socket: SocketIOSocket, principal: Principal, authSessionId: ObjectId, settings: RealtimeSettings) {
        self.socket = socket
        self.userId = principal.userId
        self.authSessionId = authSessionId
        self.state = Mutex(
            State(
                principal: principal, currentChannel: nil, messageBucket: TokenBucket(rate: settings.messageRate),
                typingBucket: TokenBucket(rate: settings.typingRate), queryBucket: TokenBucket(rate: settings.queryRate)))
    }

    var principal: Principal {
        get { state.withLock { $0.principal } }
        set { state.withLock { $0.principal = newValue } }
    }

    var username: String { principal.username }

    /// Whether this socket brought its user online (their first socket), to announce it.
    var cameOnline: Bool {
        get { state.withLock { $0.cameOnline } }
        set { state.withLock { $0.cameOnline = newValue } }
    }

    var currentChannel: (id: ObjectId, room: String)? {
        get { state.withLock { $0.currentChannel } }
        set { state.withLock { $0.currentChannel = newValue } }
    }

    /// Takes a token from the bucket of this kind of event; false when the socket is too fast.
    func allow(_ limit: GatewayLimit) -> Bool {
        state.withLock { state in
            switch limit {
            case .message: state.messageBucket.take()
            case .typing: state.typingBucket.take()
            case .query: state.queryBucket.take()
            }
        }
    }
}
