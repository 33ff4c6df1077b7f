// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parley-server", targets: ["parley-server"]),
        .executable(name: "seed-sample-data", targets: ["seed-sample-data"]),
        .executable(name: "clear-database", targets: ["clear-database"]),
        .executable(name: "socketio-conformance-server", targets: ["socketio-conformance-server"]),
        .executable(name: "parley-loadgen", targets: ["parley-loadgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        // Already in the graph through Hummingbird; named here for the event-driven WebSocket
        // upgrade (HTTP/1 ↔ HTTPTypes conversion).
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        // Already in the graph through jwt-kit; named here for SHA-256 of uploads.
        .package(url: "https://github.com/apple/swift-crypto.git", "4.1.0"..<"6.0.0"),
        // Latency percentiles in parley-loadgen.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        // Test-only: decodes and validates the OpenAPI document (OpenAPIDocumentTests). No traits:
        // external reference loading is not needed and builds slower.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0", traits: []),
        // GET /metrics: counters and histograms kept per application (no global MetricsSystem).
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // System libraries (Debian -dev packages, found through pkg-config).
        .systemLibrary(
            name: "CMongoc",
            pkgConfig: "libmongoc-1.0",
            providers: [.apt(["libmongoc-dev", "libbson-dev"])]
        ),
        .systemLibrary(
            name: "CHiredis",
            pkgConfig: "hiredis",
            providers: [.apt(["libhiredis-dev"])]
        ),
        .systemLibrary(
            name: "CMagic",
            providers: [.apt(["libmagic-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),

        // Domain: models, ids, roles, permission policy, errors, validation. Foundation only.
        .target(name: "ParleyCore", swiftSettings: swiftSettings),

        // Repository protocols and query types shared by both engines.
        .target(name: "ParleyStore", dependencies: ["ParleyCore"], swiftSettings: swiftSettings),

        .target(
            name: "SQLiteStore",
            dependencies: [
                "ParleyStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own column functions, for the message rows read on every history page.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MongoStore",
            dependencies: [
                "ParleyStore",
                "CMongoc",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // A Redis client over hiredis (blocking calls on a thread pool or a dedicated thread).
        .target(
            name: "RedisClient",
            dependencies: [
                "CHiredis",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SocketIO",
            dependencies: [
                "RedisClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyCore",
                "ParleyStore",
                "SQLiteStore",
                "MongoStore",
                "SocketIO",
                "RedisClient",
                "CMagic",
                "CVips",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The OpenAPI document, served at GET /api/openapi.json (scripts/openapi-document.py writes it).
            resources: [.copy("Resources/openapi.json")],
            swiftSettings: swiftSettings
        ),

        // Thin executables: parse arguments, then call into ParleyServer.
        .executableTarget(
            name: "parley-server",
            dependencies: [
                "ParleyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "socketio-conformance-server",
            dependencies: [
                "SocketIO",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "parley-loadgen",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "seed-sample-data",
            dependencies: [
                "ParleyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "clear-database",
            dependencies: [
                "ParleyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // Fuzz targets (scripts/fuzz, README "Fuzzing"). A normal build compiles them as replay
        // tools (they run the corpus files given as arguments once); scripts/fuzz builds them with
        // libFuzzer (-sanitize=fuzzer -DFUZZING) into .build-fuzz.
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzEnginePayload", dependencies: ["FuzzSupport", "SocketIO", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "FuzzSocketIOPacket", dependencies: ["FuzzSupport", "SocketIO", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "FuzzPeerMessage", dependencies: ["FuzzSupport", "ParleyServer"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzJSONBody", dependencies: ["FuzzSupport", "ParleyServer", "ParleyCore"], swiftSettings: swiftSettings
        ),

        .testTarget(name: "ParleyCoreTests", dependencies: ["ParleyCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "StoreConformanceTests",
            // GRDB for the SQLite migration tests, which write an older schema's rows directly.
            dependencies: ["ParleyStore", "SQLiteStore", "MongoStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // A real redis-server on a free port, for the Redis client and adapter tests.
        .target(name: "RedisTestSupport", path: "Tests/RedisTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "RedisClientTests", dependencies: ["RedisClient", "RedisTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "MongoStoreTests", dependencies: ["MongoStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SocketIOTests",
            dependencies: [
                "SocketIO",
                "RedisClient",
                "RedisTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: [
                "ParleyServer",
                "RedisClient",
                "RedisTestSupport",
                "MongoStore",
                "SQLiteStore",
                "CVips",
                // GRDB to write a database the way an older version left it (start-up reports).
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ],
            swiftSettings: swiftSettings
        ),
        // jest-compat-fixtures run against the app seeded from them (the Node runner runs the same files).
        .testTarget(
            name: "JestCompatTests",
            dependencies: [
                "ParleyServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
