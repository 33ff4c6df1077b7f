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

    /// Compares UTF-8 bytes, not characters: `String.hasPrefix` compares grapheme by
    /// grapheme, which was a seventh of the client's CPU at 100 000 events a second.
    static func classify(_ text: String) -> Action {
        let utf8 = text.utf8
        func starts(with prefix: StaticString) -> Bool {
            prefix.withUTF8Buffer { utf8.starts(with: $0) }
        }
        if starts(with: "42[\"") {
            let name = utf8.dropFirst(4)
            guard let end = name.firstIndex(of: UInt8(ascii: "\"")) else { return .ignore }
            return .event(Substring(text.utf8[name.startIndex..<end]))
        }
        if utf8.elementsEqual("2".utf8) { return .ping }
        if starts(with: "40") { return .connected }
        if starts(with: "44") { return .refused }
        if starts(with: "0") { return .open }
        if utf8.elementsEqual("1".utf8) { return .close }
        return .ignore
    }

    static func connect(token: String) -> String { "40{\"token\":\"\(token)\"}" }

    static func event(_ name: String, json: String) -> String { "42[\"\(name)\",\(json)]" }
}
