import Foundation
import Hummingbird
import ParleyStore

/// `/health` and `/api`.
struct SystemController: Sendable {
    let store: any Store
    let environment: RuntimeEnvironment
    /// Set on a cluster node: whether Redis answers now.
    var redisUp: (@Sendable () async -> Bool)? = nil

    struct DatabaseStatus: Encodable, Sendable {
        let engine: String
        let status: String
    }

    struct Health: Encodable, Sendable, ResponseEncodable {
        let status: String
        let message: String
        let timestamp: String
        let environment: String
        let database: DatabaseStatus
        /// `"up"` or `"down"` on a cluster node (`REDIS_URL`); absent otherwise. A node with
        /// Redis down still serves its own sockets, so this alone does not make it unhealthy.
        var redis: String? = nil
    }

    struct ApiInfo: ResponseEncodable, Sendable {
        let message: String
        let version: String
        let endpoints: [String: String]
    }

    /// Checks the store: 200 when it answers, 503 with `status: "error"` when it does not.
    func health(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Health> {
        let now = WireDate.string(Date())
        var redis: String?
        if let redisUp { redis = await redisUp() ? "up" : "down" }
        do {
            try await store.ping()
            return EditedResponse(
                status: .ok,
                response: Health(
                    status: "OK", message: "Chat System Backend is running", timestamp: now,
                    environment: environment.rawValue, database: DatabaseStatus(engine: store.engineName, status: "connected"), redis: redis))
        } catch {
            context.logger.error("health check: store unreachable", metadata: ["error": .string(String(describing: error))])
            return EditedResponse(
                status: .serviceUnavailable,
                response: Health(
                    status: "error", message: "Database unreachable", timestamp: now, environment: environment.rawValue,
                    database: DatabaseStatus(engine: store.engineName, status: "unreachable"), redis: redis))
        }
    }

    func apiInfo(_ request: Request, context: AppRequestContext) async throws -> ApiInfo {
        ApiInfo(
            message: "Chat System API", version: "1.0.0",
            endpoints: [
                "health": "/health", "auth": "/api/auth", "users": "/api/users", "groups": "/api/groups",
                "groupRequests": "/api/group-requests", "channels": "/api/channels", "messages": "/api/messages",
                "upload": "/api/upload", "videoCalls": "/api/video-calls", "client": "/api/client",
                "admin": "/api/admin", "static": "/uploads",
            ])
    }
}
