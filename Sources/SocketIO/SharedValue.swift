/// An immutable value that many objects refer to, stored once.
///
/// A configuration struct copied into every session costs each idle connection its whole
/// size; a reference to one box costs a pointer.
final class SharedValue<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
