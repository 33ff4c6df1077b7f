/// Where a Redis server is: `redis://[:password@]host[:port][/db]` (the form `REDIS_URL` takes).
public struct RedisURL: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let password: String?
    public let database: Int

    public init(host: String, port: Int = 6379, password: String? = nil, database: Int = 0) {
        self.host = host
        self.port = port
        self.password = password
        self.database = database
    }

    /// Parses the URL; anything but the form above (a user name, a query, another scheme, a
    /// port or database that is not a number in range) is refused rather than half-understood.
    public init(string: String) throws {
        let scheme = "redis://"
        guard string.hasPrefix(scheme) else { throw RedisURLError(string, "the scheme must be redis://") }
        var rest = Substring(string.dropFirst(scheme.count))
        guard !rest.contains("?"), !rest.contains("#") else { throw RedisURLError(string, "no query or fragment is understood") }
        var database = 0
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
            if !path.isEmpty {
                guard let number = Int(path), number >= 0 else { throw RedisURLError(string, "the database must be a number") }
                database = number
            }
        }
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            guard credentials.first == ":", credentials.count > 1 else {
                throw RedisURLError(string, "credentials must be :password (no user name)")
            }
            password = String(credentials.dropFirst()).removingPercentEncodingIfValid
        }
        var port = 6379
        var host = rest
        if rest.hasPrefix("[") {
            // An IPv6 literal: [::1]:6379
            guard let close = rest.firstIndex(of: "]") else { throw RedisURLError(string, "unclosed [ in the host") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":", let number = Int(after.dropFirst()) else { throw RedisURLError(string, "bad port") }
                port = number
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let number = Int(rest[rest.index(after: colon)...]) else { throw RedisURLError(string, "bad port") }
            port = number
        }
        guard !host.isEmpty, !host.contains(":") || rest.hasPrefix("[") else { throw RedisURLError(string, "a host is required") }
        guard (1...65535).contains(port) else { throw RedisURLError(string, "the port must be 1-65535") }
        self.init(host: String(host), port: port, password: password, database: database)
    }

    /// The URL without its password, for logs.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "redis://\(password == nil ? "" : ":***@")\(shownHost):\(port)/\(database)"
    }
}

extension String {
    fileprivate var removingPercentEncodingIfValid: String {
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
