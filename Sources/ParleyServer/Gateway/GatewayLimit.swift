/// The rate-limited kinds of client event.
enum GatewayLimit: Sendable {
    /// `send_message`: each one writes to the store.
    case message
    /// `typing` and `stop_typing`: relayed to a room.
    case typing
    /// Joins, leaves, queries and presence updates.
    case query
}
