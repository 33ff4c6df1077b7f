import ParleyStore

/// Ready when the store answers its cheapest query.
struct StoreReadinessCheck: ReadinessCheck {
    let store: any Store
    var name: String { "store" }

    func check() async throws {
        try await store.ping()
    }
}
