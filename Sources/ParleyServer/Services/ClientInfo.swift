/// Where a request came from, for sessions and login throttling.
public struct ClientInfo: Sendable {
    public var address: String
    public var userAgent: String?

    public init(address: String, userAgent: String?) {
        self.address = address
        self.userAgent = userAgent
    }
}
