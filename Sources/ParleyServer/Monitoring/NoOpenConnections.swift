/// For commands that run the services without serving sockets (`create-admin`): none open.
public struct NoOpenConnections: OpenConnectionCounter {
    public init() {}
    public func openConnections() async -> Int { 0 }
}
