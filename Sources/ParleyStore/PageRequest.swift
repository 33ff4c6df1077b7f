/// Offset pagination as the old API exposes it: 1-based `page` and `limit`.
public struct PageRequest: Sendable, Equatable {
    public static let maximumLimit = 100
    /// Bounds `page` so that `offset` cannot overflow whatever the caller passed.
    public static let maximumPage = 10_000_000

    public let page: Int
    public let limit: Int

    /// Clamps to sane values instead of passing 0, negatives or huge numbers to the engine.
    /// `maximumLimit` may be raised for internal and admin listings.
    public init(page: Int = 1, limit: Int = 10, maximumLimit: Int = PageRequest.maximumLimit) {
        self.page = min(max(1, page), Self.maximumPage)
        self.limit = min(max(1, limit), maximumLimit)
    }

    public var offset: Int { (page - 1) * limit }
}

/// One page of results plus the total that matched.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int

    public init(items: [Item], total: Int) {
        self.items = items
        self.total = total
    }

    /// `Math.ceil(total/limit)`, as the clients expect in `pages`.
    public func pageCount(limit: Int) -> Int {
        limit > 0 ? (total + limit - 1) / limit : 0
    }
}

extension PageRequest {
    /// For internal listings that need every match (a user's groups, an admin's groups).
    public static let everything = PageRequest(page: 1, limit: 100_000, maximumLimit: 100_000)
}
