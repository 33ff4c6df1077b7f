/// Runs `body` for 0..<count with at most `concurrency` calls under way; results in index order.
enum Concurrently {
    static func map<T: Sendable>(
        _ count: Int, concurrency: Int, _ body: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask { (index, try await body(index)) }
            }
            for _ in 0..<min(max(concurrency, 1), count) { add() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < count { add() }
            }
            return results.compactMap { $0 }
        }
    }
}
