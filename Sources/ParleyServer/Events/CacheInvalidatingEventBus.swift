/// The bus the services publish on: it drops what each event makes stale in the caller cache
/// before anyone hears of it. Subscribers' streams may lose events when behind; this does not,
/// because it runs inside `publish`, synchronously.
struct CacheInvalidatingEventBus: EventBus {
    let base: any EventBus
    let cache: CallerCache

    func publish(_ event: DomainEvent) {
        cache.invalidate(for: event)
        base.publish(event)
    }

    func subscribe() -> AsyncStream<DomainEvent> {
        base.subscribe()
    }
}
