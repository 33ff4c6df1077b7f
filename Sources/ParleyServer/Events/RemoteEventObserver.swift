import Synchronization

/// What a node runs, synchronously, for each event that arrives from another node and when its
/// subscription was lost and made again; set once after the bus exists.
final class RemoteEventObserver: Sendable {
    private let actions = Mutex<(arrived: @Sendable (DomainEvent) -> Void, lost: @Sendable () -> Void)?>(nil)

    func set(arrived: @escaping @Sendable (DomainEvent) -> Void, lost: @escaping @Sendable () -> Void) {
        actions.withLock { $0 = (arrived, lost) }
    }

    func arrived(_ event: DomainEvent) {
        actions.withLock { $0 }?.arrived(event)
    }

    func lost() {
        actions.withLock { $0 }?.lost()
    }
}
