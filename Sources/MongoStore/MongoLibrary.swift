import CMongoc
import Logging

/// libmongoc's process-wide set-up. `mongoc_init` must run once before any other libmongoc
/// call; a static `let` is initialised exactly once, thread-safely, on first use, which is what
/// that needs without any mutable global. `mongoc_cleanup` is deliberately never called: other
/// stores may still be open, and the process exit releases everything anyway.
enum MongoLibrary {
    private static let initialized: Bool = {
        mongoc_init()
        // libmongoc prints every message, debug ones included, to stderr by default. Its log
        // handler is process-wide, so it forwards to one swift-log logger whose level the
        // logging back end controls like any other.
        mongoc_log_set_handler({ level, domain, message, _ in
            let text = message.map { String(cString: $0) } ?? ""
            let source = domain.map { String(cString: $0) } ?? "mongoc"
            MongoLibrary.logger.log(level: MongoLibrary.level(level), "\(text)", metadata: ["mongoc": "\(source)"])
        }, nil)
        return true
    }()

    static let logger = Logger(label: "mongoc")

    static func initialize() {
        _ = initialized
    }

    static func level(_ level: mongoc_log_level_t) -> Logger.Level {
        switch level {
        case MONGOC_LOG_LEVEL_ERROR: return .error
        case MONGOC_LOG_LEVEL_CRITICAL: return .critical
        case MONGOC_LOG_LEVEL_WARNING: return .warning
        case MONGOC_LOG_LEVEL_MESSAGE: return .notice
        case MONGOC_LOG_LEVEL_INFO: return .info
        case MONGOC_LOG_LEVEL_DEBUG: return .debug
        default: return .trace
        }
    }
}
