/// What a client does with one Engine.IO packet (as text) of the default namespace, whichever
/// transport carried it.
enum LoadgenPacket {
    enum Action {
        /// `42["name",…]`: an event.
        case event(Substring)
        /// Engine.IO ping: answer `3`.
        case ping
        /// Engine.IO open: send the Socket.IO CONNECT.
        case open
        /// Socket.IO CONNECT accepted.
        case connected
        /// Socket.IO CONNECT_ERROR.
        case refused
        /// Engine.IO close.
        case close
        case ignore
    }

    static func classify(_ text: String) -> Action {
        if text.hasPrefix("42[\"") {
            let rest = text.dropFirst(4)
            guard let end = rest.firstIndex(of: "\"") else { return .ignore }
            return .event(rest[..<end])
        }
        if text == "2" { return .ping }
        if text.hasPrefix("40") { return .connected }
        if text.hasPrefix("44") { return .refused }
        if text.hasPrefix("0") { return .open }
        if text == "1" { return .close }
        return .ignore
    }

    static func connect(token: String) -> String { "40{\"token\":\"\(token)\"}" }

    static func event(_ name: String, json: String) -> String { "42[\"\(name)\",\(json)]" }
}
