import CMongoc

/// libmongoc's process-wide set-up. `mongoc_init` must run once before any other libmongoc
/// call; a static `let` is initialised exactly once, thread-safely, on first use, which is what
/// that needs without any mutable global. `mongoc_cleanup` is deliberately never called: other
/// stores may still be open, and the process exit releases everything anyway.
enum MongoLibrary {
    private static let initialized: Bool = {
        mongoc_init()
        return true
    }()

    static func initialize() {
        _ = initialized
    }
}
