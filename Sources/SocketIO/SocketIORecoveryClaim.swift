/// The `pid` and `offset` a reconnecting client adds to its CONNECT payload (both strings, as
/// the reference requires; anything else is a new session).
struct SocketIORecoveryClaim: Sendable, Equatable {
    var pid: String
    var offset: String

    init(pid: String, offset: String) {
        self.pid = pid
        self.offset = offset
    }

    init?(auth: SocketIOValue) {
        guard let pid = auth["pid"]?.stringValue, let offset = auth["offset"]?.stringValue else { return nil }
        self.pid = pid
        self.offset = offset
    }
}
