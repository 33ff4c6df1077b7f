import CoreMetrics

/// What the realtime layer counts, recorded through the `MetricsFactory` it is given (the
/// application passes its own registry's; the default records nothing). Labels are bounded:
/// transports are two, and event names are the handled ones (see `eventReceived`).
public struct SocketIOMetrics: Sendable {
    let factory: any MetricsFactory
    /// Made once: these two move on every broadcast receiver, where a lookup per call would cost.
    private let fanOut: Counter
    private let slowConsumers: Counter

    public init(factory: any MetricsFactory = NOOPMetricsHandler.instance) {
        self.factory = factory
        fanOut = Counter(label: "socketio_fanout_deliveries_total", dimensions: [], factory: factory)
        slowConsumers = Counter(label: "socketio_slow_consumers_dropped_total", dimensions: [], factory: factory)
    }

    func sessionOpened(transport: String) {
        openSessions(transport).increment()
    }

    func sessionClosed(transport: String) {
        openSessions(transport).decrement()
    }

    func sessionUpgraded() {
        openSessions("polling").decrement()
        openSessions("websocket").increment()
    }

    /// `name` must be one the server handles: client-chosen names would make the label set
    /// unbounded, so unknown ones are counted together.
    func eventReceived(_ name: String, handled: Bool) {
        Counter(label: "socketio_events_received_total", dimensions: [("event", handled ? name : "unhandled")], factory: factory)
            .increment()
    }

    /// Events the server emits, once per emit (a broadcast counts once; its receivers count
    /// as fan-out deliveries).
    func eventEmitted(_ name: String) {
        Counter(label: "socketio_events_emitted_total", dimensions: [("event", name)], factory: factory).increment()
    }

    /// Frames handed to one socket by a broadcast.
    func fanOutDelivered() {
        fanOut.increment()
    }

    /// A session closed because its client fell `maxQueuedPackets` behind.
    func slowConsumerDropped() {
        slowConsumers.increment()
    }

    private func openSessions(_ transport: String) -> Meter {
        Meter(label: "engineio_sessions_open", dimensions: [("transport", transport)], factory: factory)
    }
}
