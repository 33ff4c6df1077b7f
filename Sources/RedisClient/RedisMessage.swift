/// What a subscription yields.
public enum RedisMessage: Sendable, Equatable {
    /// A message published on a subscribed channel (or one matching a subscribed pattern).
    case message(channel: String, payload: [UInt8])
    /// The subscription was lost and made again: messages published meanwhile were missed,
    /// so whatever the subscriber keeps in sync should be resynchronised.
    case reconnected
}
