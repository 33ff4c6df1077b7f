public enum RedisError: Error, Equatable {
    /// No connection could be made, or it broke during the command.
    case unreachable(String)
    /// Redis answered with an error reply (`ERR …`, `WRONGTYPE …`, `NOAUTH …`).
    case server(String)
    /// The reply could not be read, or was not what the command returns.
    case protocolError(String)
}
