import CMongoc
import ParleyStore

/// A libmongoc error (`bson_error_t`) together with the server's reply, kept until it is mapped
/// to a `StoreError` so that the mapping is a pure function that tests can drive.
struct MongoFailure: Error, Sendable, Equatable {
    var domain: UInt32
    var code: UInt32
    var message: String
    var reply: BSONDocument?
    /// What was being done, e.g. "update on messages", for the log line of a rejected command.
    var command: String?

    init(domain: UInt32, code: UInt32, message: String, reply: BSONDocument? = nil, command: String? = nil) {
        self.domain = domain
        self.code = code
        self.message = message
        self.reply = reply
        self.command = command
    }

    init(_ error: bson_error_t, reply: BSONDocument?) {
        // `message` is a fixed C char array; read it up to its NUL without trusting that one is there.
        let text = withUnsafeBytes(of: error.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        self.init(domain: error.domain, code: error.code, message: text, reply: reply)
    }

    /// Server codes for a unique-index violation: 11000 (and 11001 from old servers) for
    /// writes, 12582 for a duplicate found while building an index.
    static let duplicateKeyCodes: Set<UInt32> = [11000, 11001, 12582]
    /// IndexOptionsConflict / IndexKeySpecsConflict: an index with that name or key already
    /// exists with other options (for example one created by the old server).
    static let indexConflictCodes: Set<UInt32> = [85, 86]

    /// NamespaceNotFound: the collection does not exist (yet), e.g. listIndexes on a new database.
    static let namespaceNotFoundCode: UInt32 = 26

    var isDuplicateKey: Bool { Self.duplicateKeyCodes.contains(code) }
    var isNamespaceNotFound: Bool { code == Self.namespaceNotFoundCode }
    var isIndexConflict: Bool { Self.indexConflictCodes.contains(code) }

    /// libmongoc's error domains in which the server was not reached or not usable: the
    /// stream, the wire protocol, server selection and authentication.
    static let unreachableDomains: Set<UInt32> = [
        MONGOC_ERROR_STREAM.rawValue, MONGOC_ERROR_PROTOCOL.rawValue, MONGOC_ERROR_SERVER_SELECTION.rawValue,
        MONGOC_ERROR_SASL.rawValue, MONGOC_ERROR_SCRAM.rawValue,
    ]
    /// Server codes that say the server cannot serve now rather than that the command is wrong:
    /// HostUnreachable, HostNotFound, NetworkTimeout, ShutdownInProgress, PrimarySteppedDown,
    /// NotWritablePrimary, InterruptedAtShutdown, InterruptedDueToReplStateChange,
    /// NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary.
    static let unavailableServerCodes: Set<UInt32> = [6, 7, 89, 91, 189, 10107, 11600, 11602, 13435, 13436]

    /// Only an unreachable or not-ready server is an outage (503); any other failure is a
    /// command the server refused, which waiting will not fix.
    var isUnreachable: Bool {
        if Self.unreachableDomains.contains(domain) { return true }
        if domain == MONGOC_ERROR_CLIENT.rawValue {
            // A document too large or too small is refused before sending: not an outage.
            return code != MONGOC_ERROR_CLIENT_TOO_BIG.rawValue && code != MONGOC_ERROR_CLIENT_TOO_SMALL.rawValue
        }
        return domain != 0 && Self.unavailableServerCodes.contains(code)
    }

    var storeError: StoreError {
        if isDuplicateKey { return .duplicate(field: duplicateField) }
        let detail = "\(message) (libmongoc domain \(domain), code \(code))"
        if isUnreachable { return .unavailable(detail) }
        return .rejected(command.map { "\($0): \(detail)" } ?? detail)
    }

    /// Runs `body`, labelling a failure with the command it was running (see `command`).
    static func labelled<Result>(_ command: @autoclosure () -> String, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch var failure as MongoFailure {
            if failure.command == nil { failure.command = command() }
            throw failure
        }
    }

    /// The unique field that refused the write. The server names it in the reply's
    /// `keyPattern` (top level for findAndModify, inside `writeErrors` for inserts and updates);
    /// older servers give only the index name in the message ("… index: email_ci dup key: …").
    var duplicateField: String {
        if let field = keyPatternField { return field }
        if let index = indexName(in: message) { return Self.field(forIndexNamed: index) }
        return "unknown"
    }

    private var keyPatternField: String? {
        let writeError = reply?["writeErrors"]?.arrayValue?.first?.documentValue
        let pattern = reply?["keyPattern"]?.documentValue ?? writeError?["keyPattern"]?.documentValue
        return pattern?.keys.first
    }

    private func indexName(in text: String) -> String? {
        guard let marker = text.range(of: "index: ") else { return nil }
        let name = text[marker.upperBound...].prefix { $0 != " " }
        return name.isEmpty ? nil : String(name)
    }

    /// "username_ci" → "username"; a default name such as "email_1" or "a_b_1_c_-1" → its first
    /// field. Field names may hold underscores, so only a trailing `_ci` or `_±1` is cut.
    static func field(forIndexNamed name: String) -> String {
        for suffix in ["_ci", "_1", "_-1"] where name.hasSuffix(suffix) {
            let stem = String(name.dropLast(suffix.count))
            // A compound default name: keep up to the first direction marker.
            for marker in ["_1_", "_-1_"] {
                if let range = stem.range(of: marker) { return String(stem[..<range.lowerBound]) }
            }
            return stem
        }
        return name
    }
}
