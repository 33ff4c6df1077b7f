import Foundation
import Logging
import RedisClient
import SocketIO

/// Every setting, read from the environment once at start-up. A bad value throws a
/// `ConfigurationError` naming the variable; nothing falls back to a built-in secret.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var store: StoreLocation
    public var environment: RuntimeEnvironment
    public var accessTokenSecret: String
    public var refreshTokenSecret: String
    public var accessTokenLifetime: Duration
    public var refreshTokenLifetime: Duration
    public var corsOrigin: String
    public var uploadDirectory: String
    /// `UPLOAD_STORAGE`: GridFS by default on MongoDB, the disk on SQLite.
    public var uploadStorage: UploadStorageKind
    /// `NODE_ID`: names this process among the nodes of a cluster. Engine.IO session ids start
    /// with it, so a load balancer can send a polling session's requests to its node.
    public var nodeID: String
    public var logLevel: Logger.Level
    /// Largest JSON body accepted; larger ones answer 413.
    public var jsonBodyLimit: Int
    /// bcrypt work factor for new hashes (existing hashes keep their own).
    public var bcryptCost: Int
    public var admin: AdminAccount?
    public var loginThrottle: LoginThrottle.Limits
    public var realtime: RealtimeSettings
    public var uploadLimits: UploadLimits
    /// `<scheme>://<host>` for upload URLs; nil takes them from each request's Host header.
    public var publicURL: String?
    /// Timeouts, request-head limits and the connection limit of both HTTP listeners.
    public var httpLimits: HTTPConnectionLimits
    /// `LOG_FORMAT`: text lines (default) or one JSON object per line.
    public var logFormat: LogFormat = .text
    /// `METRICS_TOKEN`: when set, `GET /metrics` requires `Authorization: Bearer <token>`.
    public var metricsToken: String?
    /// Set: this process is one node of a cluster sharing rooms and events through Redis.
    public var redisURL: RedisURL?
    /// `BENCH_STATIC_PAGE`: a file whose bytes `GET /bench/static-page` serves from memory, the
    /// ceiling `scripts/bench` compares the history page with. Unset (always, outside benchmarks):
    /// no such route.
    public var benchStaticPage: String?

    public init(
        host: String = "0.0.0.0", port: Int = 3000, store: StoreLocation, environment: RuntimeEnvironment,
        accessTokenSecret: String, refreshTokenSecret: String, accessTokenLifetime: Duration = .seconds(3600),
        refreshTokenLifetime: Duration = .seconds(7 * 24 * 3600), corsOrigin: String = "http://localhost:4200",
        uploadDirectory: String = "./uploads", uploadStorage: UploadStorageKind? = nil, nodeID: String? = nil, logLevel: Logger.Level = .info, jsonBodyLimit: Int = 1 << 20,
        bcryptCost: Int = 10, admin: AdminAccount? = nil, loginThrottle: LoginThrottle.Limits = .init(),
        realtime: RealtimeSettings = .init(), uploadLimits: UploadLimits = UploadLimits(), publicURL: String? = nil,
        httpLimits: HTTPConnectionLimits = HTTPConnectionLimits(), redisURL: RedisURL? = nil
    ) {
        self.host = host
        self.port = port
        self.store = store
        self.environment = environment
        self.accessTokenSecret = accessTokenSecret
        self.refreshTokenSecret = refreshTokenSecret
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.corsOrigin = corsOrigin
        self.uploadDirectory = uploadDirectory
        self.uploadStorage = uploadStorage ?? UploadStorageKind.defaultKind(for: store)
        self.nodeID = nodeID ?? Self.randomNodeID()
        self.logLevel = logLevel
        self.jsonBodyLimit = jsonBodyLimit
        self.bcryptCost = bcryptCost
        self.admin = admin
        self.loginThrottle = loginThrottle
        self.realtime = realtime
        self.uploadLimits = uploadLimits
        self.publicURL = publicURL
        self.httpLimits = httpLimits
        self.redisURL = redisURL
    }

    /// Reads the documented variables (see README) from `environment`.
    public static func load(from env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        func value(_ name: String) -> String? {
            guard let text = env[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                throw ConfigurationError(variable: name, problem: "must be a whole number in \(range) (got \"\(text)\")")
            }
            return number
        }

        let environmentName = value("PARLEY_ENV") ?? "development"
        guard let environment = RuntimeEnvironment(rawValue: environmentName) else {
            throw ConfigurationError(
                variable: "PARLEY_ENV", problem: "must be development, production or test (got \"\(environmentName)\")")
        }
        let store = try StoreLocation(url: value("DATABASE_URL") ?? StoreLocation.defaultURL)

        let levelName = value("LOG_LEVEL") ?? "info"
        guard let logLevel = Logger.Level(rawValue: levelName.lowercased()) else {
            throw ConfigurationError(
                variable: "LOG_LEVEL", problem: "must be trace, debug, info, notice, warning, error or critical")
        }

        let (accessSecret, refreshSecret) = try secrets(value("JWT_SECRET"), value("JWT_REFRESH_SECRET"), environment, store)

        var admin: AdminAccount?
        let adminFields = ["PARLEY_ADMIN_USERNAME", "PARLEY_ADMIN_EMAIL", "PARLEY_ADMIN_PASSWORD"].map(value)
        if adminFields.contains(where: { $0 != nil }) {
            guard let username = adminFields[0], let email = adminFields[1], let password = adminFields[2] else {
                let missing = zip(["PARLEY_ADMIN_USERNAME", "PARLEY_ADMIN_EMAIL", "PARLEY_ADMIN_PASSWORD"], adminFields)
                    .first { $0.1 == nil }?.0 ?? "PARLEY_ADMIN_PASSWORD"
                throw ConfigurationError(variable: missing, problem: "is required when any PARLEY_ADMIN_* variable is set")
            }
            admin = AdminAccount(username: username, email: email, password: password)
        }

        let formatName = value("LOG_FORMAT") ?? "text"
        guard let logFormat = LogFormat(rawValue: formatName.lowercased()) else {
            throw ConfigurationError(variable: "LOG_FORMAT", problem: "must be text or json (got \"\(formatName)\")")
        }

        var configuration = AppConfiguration(
            host: value("HOST") ?? "0.0.0.0",
            port: try integer("PORT", default: 3000, range: 0...65535),
            store: store,
            environment: environment,
            accessTokenSecret: accessSecret,
            refreshTokenSecret: refreshSecret,
            corsOrigin: value("CORS_ORIGIN") ?? "http://localhost:4200",
            uploadDirectory: value("UPLOAD_DIR") ?? "./uploads",
            uploadStorage: try UploadStorageKind.parse(value("UPLOAD_STORAGE"), store: store),
            nodeID: try nodeID(value("NODE_ID")),
            logLevel: logLevel,
            jsonBodyLimit: try integer("JSON_BODY_LIMIT", default: 1 << 20, range: 1024...(64 << 20)),
            bcryptCost: try integer("BCRYPT_COST", default: 10, range: 4...15),
            admin: admin,
            loginThrottle: LoginThrottle.Limits(
                failuresPerAccount: try integer("LOGIN_MAX_FAILURES_PER_ACCOUNT", default: 5, range: 1...1000),
                failuresPerAddress: try integer("LOGIN_MAX_FAILURES_PER_ADDRESS", default: 20, range: 1...10000),
                window: .seconds(try integer("LOGIN_THROTTLE_WINDOW_SECONDS", default: 900, range: 1...86400))),
            realtime: RealtimeSettings(
                pingInterval: .milliseconds(try integer("SOCKET_PING_INTERVAL_MS", default: 25_000, range: 100...600_000)),
                pingTimeout: .milliseconds(try integer("SOCKET_PING_TIMEOUT_MS", default: 60_000, range: 100...600_000)),
                maxPayload: try integer("SOCKET_MAX_PAYLOAD", default: 1_000_000, range: 1024...(64 << 20)),
                messageRate: EventRate(
                    perSecond: Double(try integer("SOCKET_MESSAGES_PER_SECOND", default: 10, range: 1...10_000)),
                    burst: Double(try integer("SOCKET_MESSAGE_BURST", default: 20, range: 1...10_000))),
                typingExpiry: .milliseconds(try integer("SOCKET_TYPING_EXPIRY_MS", default: 6_000, range: 500...600_000)),
                ringTimeout: .seconds(try integer("CALL_RING_TIMEOUT_SECONDS", default: 30, range: 1...3600)),
                // 0 turns the second listener off (PeerJS is still served on PORT).
                peerServerPort: try integer("PEERJS_PORT", default: 9000, range: 0...65535).nonZero,
                recoveryWindow: .milliseconds(try integer("SOCKET_RECOVERY_WINDOW_MS", default: 120_000, range: 0...86_400_000))),
            uploadLimits: try uploadLimits(integer),
            publicURL: try publicURL(value("PUBLIC_URL")),
            httpLimits: try httpLimits(integer),
            redisURL: try redisURL(value("REDIS_URL")))
        configuration.logFormat = logFormat
        configuration.metricsToken = value("METRICS_TOKEN")
        configuration.benchStaticPage = value("BENCH_STATIC_PAGE")
        return configuration
    }

    private static func redisURL(_ text: String?) throws -> RedisURL? {
        guard let text else { return nil }
        do {
            return try RedisURL(string: text)
        } catch {
            let reason = (error as? RedisURLError)?.reason ?? "\(error)"
            throw ConfigurationError(variable: "REDIS_URL", problem: "must be redis://[:password@]host[:port][/db] (\(reason))")
        }
    }

    private static func httpLimits(_ integer: (String, Int, ClosedRange<Int>) throws -> Int) throws -> HTTPConnectionLimits {
        let defaults = HTTPConnectionLimits()
        let headerBytes = try integer("HTTP_MAX_HEADER_BYTES", defaults.maxHeaderBytes, 1024...(1 << 20))
        return HTTPConnectionLimits(
            requestHeadTimeout: .seconds(
                try integer("HTTP_HEAD_TIMEOUT_SECONDS", Int(defaults.requestHeadTimeout.components.seconds), 1...600)),
            idleTimeout: .seconds(try integer("HTTP_IDLE_TIMEOUT_SECONDS", Int(defaults.idleTimeout.components.seconds), 1...3600)),
            bodyTimeout: .seconds(try integer("HTTP_BODY_TIMEOUT_SECONDS", Int(defaults.bodyTimeout.components.seconds), 1...3600)),
            maxConnections: try integer("HTTP_MAX_CONNECTIONS", defaults.maxConnections, 1...(1 << 24)),
            // Past the header limit NIO's decoder stops first (431), so a longer URL limit would never apply.
            maxURLBytes: try integer("HTTP_MAX_URL_BYTES", min(defaults.maxURLBytes, headerBytes), 256...headerBytes),
            maxHeaderBytes: headerBytes)
    }

    private static func uploadLimits(_ integer: (String, Int, ClosedRange<Int>) throws -> Int) throws -> UploadLimits {
        let defaults = UploadLimits()
        let limits = UploadLimits(
            avatarBytes: try integer("UPLOAD_AVATAR_MAX_BYTES", defaults.avatarBytes, 1024...(64 << 20)),
            imageBytes: try integer("UPLOAD_IMAGE_MAX_BYTES", defaults.imageBytes, 1024...(256 << 20)),
            fileBytes: try integer("UPLOAD_FILE_MAX_BYTES", defaults.fileBytes, 1024...(1 << 30)),
            filesPerRequest: try integer("UPLOAD_MAX_FILES", defaults.filesPerRequest, 1...100))
        let request = try integer("UPLOAD_REQUEST_MAX_BYTES", limits.requestBytes, 4096...(8 << 30))
        return UploadLimits(
            avatarBytes: limits.avatarBytes, imageBytes: limits.imageBytes, fileBytes: limits.fileBytes,
            filesPerRequest: limits.filesPerRequest, requestBytes: request)
    }

    /// 1 to 32 letters, digits, `_` or `-`: it goes into session ids and nginx map patterns.
    private static func nodeID(_ text: String?) throws -> String? {
        guard let text else { return nil }
        guard (1...32).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else {
            throw ConfigurationError(variable: "NODE_ID", problem: "must be 1 to 32 letters, digits, _ or - (got \"\(text)\")")
        }
        return text
    }

    /// Eight hex digits: unique enough among the nodes of one cluster.
    public static func randomNodeID() -> String {
        let digits = String(UInt32.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// An absolute http(s) URL without a trailing slash, so paths can be appended to it.
    private static func publicURL(_ text: String?) throws -> String? {
        guard let text else { return nil }
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme ?? ""), url.host != nil, url.query == nil else {
            throw ConfigurationError(variable: "PUBLIC_URL", problem: "must be an absolute http or https URL (got \"\(text)\")")
        }
        return trimmed
    }

    /// Production requires both secrets, distinct and long enough; elsewhere missing ones are
    /// generated once and kept in the data folder.
    private static func secrets(
        _ access: String?, _ refresh: String?, _ environment: RuntimeEnvironment, _ store: StoreLocation
    ) throws -> (String, String) {
        if environment == .production {
            guard let access else { throw ConfigurationError(variable: "JWT_SECRET", problem: "is required in production") }
            guard let refresh else {
                throw ConfigurationError(variable: "JWT_REFRESH_SECRET", problem: "is required in production")
            }
            try checkStrength(access, variable: "JWT_SECRET")
            try checkStrength(refresh, variable: "JWT_REFRESH_SECRET")
            guard access != refresh else {
                throw ConfigurationError(variable: "JWT_REFRESH_SECRET", problem: "must differ from JWT_SECRET")
            }
            return (access, refresh)
        }
        if let access, let refresh {
            guard access != refresh else {
                throw ConfigurationError(variable: "JWT_REFRESH_SECRET", problem: "must differ from JWT_SECRET")
            }
            return (access, refresh)
        }
        let generated: DevelopmentSecrets.Pair
        do {
            generated = try DevelopmentSecrets.loadOrCreate(in: store.dataFolder)
        } catch {
            throw ConfigurationError(
                variable: "JWT_SECRET", problem: "is unset and no secret could be kept in \(store.dataFolder): \(error)")
        }
        return (access ?? generated.access, refresh ?? generated.refresh)
    }

    private static func checkStrength(_ secret: String, variable: String) throws {
        guard secret.utf8.count >= 32 else {
            throw ConfigurationError(variable: variable, problem: "must be at least 32 characters in production")
        }
    }
}

