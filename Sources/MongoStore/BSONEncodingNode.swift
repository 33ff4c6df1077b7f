/// A value being built by `BSONEncoder`.
///
/// Encoding containers are handed out before their contents are known (a nested container is
/// filled after the parent has recorded it), so each level is a reference that the parent keeps
/// and resolves into a `BSONValue` once `encode(to:)` has finished.
final class BSONEncodingNode {
    private enum Storage {
        case unset
        case value(BSONValue)
        case keyed(keys: [String], children: [String: BSONEncodingNode])
        case unkeyed([BSONEncodingNode])
    }

    private var storage: Storage = .unset

    init() {}

    init(_ value: BSONValue) { storage = .value(value) }

    func set(_ value: BSONValue) { storage = .value(value) }

    /// The node under `key`, replacing any earlier one (encoding a key twice keeps the last).
    func makeChild(forKey key: String) -> BSONEncodingNode {
        let child = BSONEncodingNode()
        setChild(child, forKey: key)
        return child
    }

    func set(_ value: BSONValue, forKey key: String) {
        setChild(BSONEncodingNode(value), forKey: key)
    }

    func appendChild() -> BSONEncodingNode {
        let child = BSONEncodingNode()
        append(child)
        return child
    }

    func append(_ value: BSONValue) { append(BSONEncodingNode(value)) }

    var unkeyedCount: Int {
        if case .unkeyed(let items) = storage { return items.count }
        return 0
    }

    /// Turns the node into a document, keeping what is there if it already is one (a subclass
    /// and its superclass may both ask for a keyed container of the same encoder).
    func becomeKeyed() {
        if case .keyed = storage { return }
        storage = .keyed(keys: [], children: [:])
    }

    func becomeUnkeyed() {
        if case .unkeyed = storage { return }
        storage = .unkeyed([])
    }

    /// The finished value. A type that encoded nothing at all becomes an empty document, as
    /// JSONEncoder makes it `{}`.
    var resolved: BSONValue {
        switch storage {
        case .unset:
            return .document(BSONDocument())
        case .value(let value):
            return value
        case .keyed(let keys, let children):
            return .document(BSONDocument(keys.compactMap { key in children[key].map { (key: key, value: $0.resolved) } }))
        case .unkeyed(let items):
            return .array(items.map(\.resolved))
        }
    }

    private func setChild(_ child: BSONEncodingNode, forKey key: String) {
        becomeKeyed()
        guard case .keyed(var keys, var children) = storage else { return }
        if children[key] == nil { keys.append(key) }
        children[key] = child
        storage = .keyed(keys: keys, children: children)
    }

    private func append(_ child: BSONEncodingNode) {
        becomeUnkeyed()
        guard case .unkeyed(var items) = storage else { return }
        storage = .unkeyed([])  // release the reference so the append does not copy the array
        items.append(child)
        storage = .unkeyed(items)
    }
}
