/// Where services publish domain events. The in-process bus is the default; a Redis pub/sub
/// bus can take its place when several server processes share the load.
public protocol EventBus: Sendable {
    func publish(_ event: DomainEvent)
    /// A stream of every event published from now on. Each subscriber has a bounded buffer: a
    /// subscriber that falls behind loses the oldest events rather than growing without limit.
    func subscribe() -> AsyncStream<DomainEvent>
}
