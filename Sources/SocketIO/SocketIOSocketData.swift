/// Per-socket storage for the application (for example the authenticated user id).
public final class SocketIOSocketData: Sendable {
    /// Key and value pairs, not a dictionary: a socket keeps a key or two for as long as it is
    /// connected, and a one-entry dictionary costs twice the memory of a one-entry list.
    private let values = Locked<[(key: String, value: any Sendable)]>([])

    init() {}

    /// Every value, for a session kept for recovery.
    var snapshot: [String: any Sendable] {
        values.withLock { pairs in Dictionary(pairs.map { ($0.key, $0.value) }) { _, last in last } }
    }

    /// Puts back the values of a recovered session (a key set since keeps its value).
    func restore(_ snapshot: [String: any Sendable]) {
        values.withLock { pairs in
            for (key, value) in snapshot where !pairs.contains(where: { $0.key == key }) {
                pairs.append((key, value))
            }
        }
    }

    public subscript(key: String) -> (any Sendable)? {
        get { values.withLock { pairs in pairs.first { $0.key == key }?.value } }
        set {
            values.withLock { pairs in
                let index = pairs.firstIndex { $0.key == key }
                switch (index, newValue) {
                case (let index?, let value?): pairs[index].value = value
                case (let index?, nil): pairs.remove(at: index)
                case (nil, let value?): pairs.append((key, value))
                case (nil, nil): break
                }
            }
        }
    }
}
