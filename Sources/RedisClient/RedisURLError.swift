/// A `REDIS_URL` that is not `redis://[:password@]host[:port][/db]`.
public struct RedisURLError: Error, CustomStringConvertible {
    public let url: String
    public let reason: String

    init(_ url: String, _ reason: String) {
        // The password never goes into a message that may be logged.
        self.url = url.contains("@") ? "redis://***@" + (url.split(separator: "@").last.map(String.init) ?? "") : url
        self.reason = reason
    }

    public var description: String { "invalid Redis URL \(url): \(reason)" }
}
