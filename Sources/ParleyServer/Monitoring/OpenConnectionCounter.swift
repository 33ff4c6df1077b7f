/// Counts the realtime connections open on this server, for the admin figures. A protocol so
/// that several nodes can later add up their counts without the admin service knowing how.
public protocol OpenConnectionCounter: Sendable {
    func openConnections() async -> Int
}
