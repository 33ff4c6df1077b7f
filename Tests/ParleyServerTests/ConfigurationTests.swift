import Foundation
import SocketIO
import Testing
@testable import ParleyServer

@Suite("Configuration from the environment")
struct ConfigurationTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-config-\(UUID().uuidString)")

    @Test func productionWithoutSecretsStopsNamingTheVariable() throws {
        #expect(throws: ConfigurationError(variable: "JWT_SECRET", problem: "is required in production")) {
            _ = try AppConfiguration.load(from: ["PARLEY_ENV": "production"])
        }
        let secret = String(repeating: "a", count: 40)
        #expect(throws: ConfigurationError(variable: "JWT_REFRESH_SECRET", problem: "is required in production")) {
            _ = try AppConfiguration.load(from: ["PARLEY_ENV": "production", "JWT_SECRET": secret])
        }
        #expect(throws: ConfigurationError(variable: "JWT_REFRESH_SECRET", problem: "must differ from JWT_SECRET")) {
            _ = try AppConfiguration.load(from: ["PARLEY_ENV": "production", "JWT_SECRET": secret, "JWT_REFRESH_SECRET": secret])
        }
    }

    @Test func developmentGeneratesSecretsOnceAndKeepsThem() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["DATABASE_URL": "sqlite:\(folder.path)/parley.sqlite"]
        let first = try AppConfiguration.load(from: env)
        let second = try AppConfiguration.load(from: env)
        #expect(first.accessTokenSecret.count >= 64)
        #expect(first.accessTokenSecret != first.refreshTokenSecret)
        #expect(first.accessTokenSecret == second.accessTokenSecret)
        #expect(first.refreshTokenSecret == second.refreshTokenSecret)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("jwt-secrets.json").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func defaultsAndBadValues() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["DATABASE_URL": "sqlite:\(folder.path)/p.sqlite"]
        let configuration = try AppConfiguration.load(from: base)
        #expect(configuration.port == 3000)
        #expect(configuration.environment == .development)
        #expect(configuration.corsOrigin == "http://localhost:4200")
        #expect(configuration.realtime.recoveryWindow == .seconds(120))
        #expect(try AppConfiguration.load(from: base.merging(["SOCKET_RECOVERY_WINDOW_MS": "0"]) { $1 }).realtime.recoveryWindow == .zero)
        #expect(throws: ConfigurationError.self) {
            _ = try AppConfiguration.load(from: base.merging(["SOCKET_RECOVERY_WINDOW_MS": "-1"]) { $1 })
        }
        #expect(StoreLocation.defaultURL == "sqlite:./data/parley.sqlite")
        #expect(try StoreLocation(url: "mongodb://db:27017/chat") == .mongodb(url: "mongodb://db:27017/chat"))

        #expect(throws: ConfigurationError.self) { _ = try AppConfiguration.load(from: base.merging(["PORT": "http"]) { $1 }) }
        #expect(throws: ConfigurationError.self) { _ = try AppConfiguration.load(from: base.merging(["PARLEY_ENV": "staging"]) { $1 }) }
        #expect(throws: ConfigurationError.self) { _ = try AppConfiguration.load(from: ["DATABASE_URL": "postgres://x"]) }
        #expect(throws: ConfigurationError(variable: "PARLEY_ADMIN_PASSWORD", problem: "is required when any PARLEY_ADMIN_* variable is set")) {
            _ = try AppConfiguration.load(from: base.merging(["PARLEY_ADMIN_USERNAME": "root", "PARLEY_ADMIN_EMAIL": "r@x.io"]) { $1 })
        }
    }

    @Test func httpLimitsDefaultFromTheDescriptorLimitAndCanBeSet() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["DATABASE_URL": "sqlite:\(folder.path)/p.sqlite"]
        let defaults = try AppConfiguration.load(from: base).httpLimits
        #expect(defaults.requestHeadTimeout == .seconds(5))
        #expect(defaults.idleTimeout == .seconds(5))
        #expect(defaults.bodyTimeout == .seconds(30))
        #expect(defaults.maxURLBytes == 8192)
        #expect(defaults.maxHeaderBytes == 16384)
        #expect(defaults.maxConnections == DescriptorBudget.connectionLimit(softLimit: DescriptorBudget.softLimit()))
        // An eighth of the descriptors (at least 64) stays for files, the store and uploads.
        #expect(DescriptorBudget.connectionLimit(softLimit: 1024) == 896)
        #expect(DescriptorBudget.connectionLimit(softLimit: 256) == 192)
        #expect(DescriptorBudget.connectionLimit(softLimit: 65536) == 57344)

        let set = try AppConfiguration.load(from: base.merging([
            "HTTP_HEAD_TIMEOUT_SECONDS": "2", "HTTP_IDLE_TIMEOUT_SECONDS": "30", "HTTP_BODY_TIMEOUT_SECONDS": "60",
            "HTTP_MAX_CONNECTIONS": "100",
            "HTTP_MAX_URL_BYTES": "2048", "HTTP_MAX_HEADER_BYTES": "4096",
        ]) { $1 }).httpLimits
        #expect(set == HTTPConnectionLimits(
            requestHeadTimeout: .seconds(2), idleTimeout: .seconds(30), bodyTimeout: .seconds(60), maxConnections: 100, maxURLBytes: 2048, maxHeaderBytes: 4096))

        for (name, bad) in [
            ("HTTP_HEAD_TIMEOUT_SECONDS", "0"), ("HTTP_IDLE_TIMEOUT_SECONDS", "soon"), ("HTTP_BODY_TIMEOUT_SECONDS", "-1"), ("HTTP_MAX_CONNECTIONS", "0"),
            ("HTTP_MAX_HEADER_BYTES", "100"),
        ] {
            #expect(throws: ConfigurationError.self, "\(name)=\(bad)") {
                _ = try AppConfiguration.load(from: base.merging([name: bad]) { $1 })
            }
        }
        // A URL limit over the header limit could never apply: NIO's decoder stops first.
        #expect(throws: ConfigurationError.self) {
            _ = try AppConfiguration.load(from: base.merging(["HTTP_MAX_HEADER_BYTES": "4096", "HTTP_MAX_URL_BYTES": "8192"]) { $1 })
        }
    }
}
