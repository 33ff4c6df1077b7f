import GRDB

extension Row {
    /// `fetchAll(_:sql:arguments:)` through the connection's statement cache, for the queries
    /// every request runs (history pages, the caller, the channel and group checks): they are
    /// compiled, and run past GRDB's authorizer, once per connection instead of once per call.
    static func fetchAllCached(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    static func fetchOneCached(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
