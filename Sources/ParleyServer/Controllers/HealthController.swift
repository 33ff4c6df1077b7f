import Foundation
import Hummingbird

/// `/health/live` and `/health/ready`, for orchestrators (`/health` itself is
/// `SystemController`'s, unchanged for existing clients).
struct HealthController: Sendable {
    let checks: [any ReadinessCheck]
    /// Per check; well under the usual probe timeout.
    let limit: Duration

    struct Liveness: ResponseEncodable, Sendable {
        let status: String
        let timestamp: String
    }

    struct Readiness: ResponseEncodable, Sendable {
        let status: String
        let timestamp: String
        /// `"ok"` or what went wrong, per check.
        let checks: [String: String]
        /// The names of the checks that failed (empty when ready).
        let failed: [String]
    }

    /// The process answers: nothing else is checked, so a store outage does not get a healthy
    /// process restarted.
    func live(_ request: Request, context: AppRequestContext) async throws -> Liveness {
        Liveness(status: "OK", timestamp: WireDate.string(Date()))
    }

    /// 200 when every check answers, else 503 naming the checks that failed.
    func ready(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Readiness> {
        let limit = self.limit
        let results = await withTaskGroup(of: (String, String).self) { group in
            for check in checks {
                group.addTask {
                    do {
                        try await ReadinessTimeout.run(check, limit: limit)
                        return (check.name, "ok")
                    } catch {
                        return (check.name, String(describing: error))
                    }
                }
            }
            var results: [String: String] = [:]
            for await (name, outcome) in group { results[name] = outcome }
            return results
        }
        let failed = results.filter { $0.value != "ok" }.map(\.key).sorted()
        if !failed.isEmpty {
            context.logger.warning("not ready", metadata: ["failed": .string(failed.joined(separator: ","))])
        }
        return EditedResponse(
            status: failed.isEmpty ? .ok : .serviceUnavailable,
            response: Readiness(
                status: failed.isEmpty ? "OK" : "error", timestamp: WireDate.string(Date()), checks: results, failed: failed))
    }
}
