import Hummingbird
import ParleyCore
import ParleyStore

/// Reading ids and paging values from the path and query, with the contract's 400 wording.
extension Parameters {
    /// The path parameter `name` as an ObjectId; 400 "Invalid <thing> id" otherwise.
    func objectId(_ name: String, thing: String) throws -> ObjectId {
        guard let text = self.get(name), let id = ObjectId(text) else { throw DomainError.invalidId(thing) }
        return id
    }
}

extension Request {
    static let maximumOffset = 10_000_000

    /// `page` and `limit` from the query, with defaults; non-numbers answer 400 rather than 500.
    /// `page` is bounded so that its offset can be computed; a larger `limit` is clamped later.
    func pageRequest(defaultLimit: Int = 10) throws -> PageRequest {
        func integer(_ key: String, default value: Int) throws -> Int {
            guard let text = queryString(key) else { return value }
            guard let number = Int(text), number > 0 else {
                throw DomainError.validation("\(key) must be a positive whole number")
            }
            return number
        }
        return PageRequest(page: try Self.bounded(page: try integer("page", default: 1)), limit: try integer("limit", default: defaultLimit))
    }

    /// A page beyond `PageRequest.maximumPage` answers 400 (its offset would overflow).
    static func bounded(page: Int) throws -> Int {
        guard page <= PageRequest.maximumPage else { throw DomainError.validation("page must be at most \(PageRequest.maximumPage)") }
        return page
    }

    /// `limit` and `offset` from the query, each checked against its range (400 otherwise).
    func limitOffset(defaultLimit: Int, maximumLimit: Int = 100) throws -> (limit: Int, offset: Int) {
        func value(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = queryString(key) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                throw DomainError.validation("\(key) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
            }
            return number
        }
        return (try value("limit", defaultLimit, 1...maximumLimit), try value("offset", 0, 0...Self.maximumOffset))
    }

    /// `limitOffset`, where a `page` given without an `offset` stands for the offset of that
    /// page; `page` is checked first, so the product stays within the offset range.
    func limitOffsetOrPage(defaultLimit: Int) throws -> (limit: Int, offset: Int) {
        let (limit, offset) = try limitOffset(defaultLimit: defaultLimit)
        guard queryString("offset") == nil, let text = queryString("page") else { return (limit, offset) }
        let pages = 1...(Self.maximumOffset / limit + 1)
        guard let page = Int(text), pages.contains(page) else {
            throw DomainError.validation("page must be a whole number in \(pages.lowerBound)...\(pages.upperBound)")
        }
        let skipped = (page - 1) * limit
        return (limit, skipped)
    }

    /// The query string, decoded once per read with `+` as a space (see `FormQuery`).
    var formQuery: FormQuery { FormQuery(uri.query) }

    /// A single-valued query string parameter, or nil when absent or empty.
    func queryString(_ key: String) -> String? {
        guard let value = formQuery[key], !value.isEmpty else { return nil }
        return value
    }
}
