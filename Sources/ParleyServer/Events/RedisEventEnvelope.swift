/// An event as it travels between nodes: with the id of the node that published it.
struct RedisEventEnvelope: Codable {
    let node: String
    let event: DomainEvent
}
