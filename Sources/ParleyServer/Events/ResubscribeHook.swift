import Synchronization

/// What to run when the event bus's subscription is made again after a loss; set once the
/// gateway exists (after the bus), read by the bus's listener task.
final class ResubscribeHook: Sendable {
    private let action = Mutex<(@Sendable () async -> Void)?>(nil)

    func set(_ action: @escaping @Sendable () async -> Void) {
        self.action.withLock { $0 = action }
    }

    func run() async {
        if let action = action.withLock({ $0 }) { await action() }
    }
}
