import ServiceLifecycle

/// Runs the gateway's background work for the life of the application: the event-bus relay,
/// room synchronisation, typing expiry and the coalesced online count.
struct GatewayService: Service {
    let gateway: ChatGateway
    let peers: PeerSignalingServer
    /// Subscribed when the service is made, before the server accepts anyone, so no event
    /// published after start-up is missed.
    private let events: AsyncStream<DomainEvent>
    let tickInterval: Duration

    init(gateway: ChatGateway, peers: PeerSignalingServer, bus: any EventBus, tickInterval: Duration = .milliseconds(500)) {
        self.gateway = gateway
        self.peers = peers
        self.events = bus.subscribe()
        self.tickInterval = tickInterval
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            // Permission changes read the store for every online user concerned; they get their
            // own queue so that chat deliveries never wait behind them.
            let (accessChanges, accessQueue) = AsyncStream<DomainEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in events {
                        if event.changesAccess {
                            accessQueue.yield(event)
                        } else {
                            await gateway.deliver(event)
                        }
                    }
                    accessQueue.finish()
                }
                group.addTask {
                    for await event in accessChanges {
                        await gateway.deliver(event)
                    }
                }
                // PeerJS signaling to and from the other nodes of a cluster.
                group.addTask { await peers.runRelay() }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: tickInterval)
                        await gateway.tick()
                        peers.sweep()
                    }
                }
                // Calls that ring too long become missed (and their callee is notified).
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(1))
                        do {
                            try await gateway.calls.expireRinging()
                        } catch is CancellationError {
                            break
                        } catch {
                            gateway.logger.error("could not expire ringing calls", metadata: ["error": .string("\(error)")])
                        }
                    }
                }
            }
        }
    }
}
