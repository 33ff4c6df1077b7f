/// An array used as a queue: appends at the back, removals at the front in amortized constant
/// time (the consumed prefix is dropped once it is the larger half).
struct FIFOQueue<Element> {
    private var storage: [Element] = []
    private var start = 0

    var isEmpty: Bool { start == storage.count }
    var count: Int { storage.count - start }
    var first: Element? { isEmpty ? nil : storage[start] }
    var elements: ArraySlice<Element> { storage[start...] }

    mutating func append(_ element: Element) {
        storage.append(element)
    }

    @discardableResult
    mutating func removeFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = storage[start]
        start += 1
        if start >= 64, start * 2 >= storage.count {
            storage.removeFirst(start)
            start = 0
        }
        return element
    }
}
