import Hummingbird
import NIOCore
import ParleyCore

/// Per-request state: Hummingbird's core context, the caller's address, and the authenticated
/// principal once `AuthenticationMiddleware` has run.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public var principal: Principal?
    /// The auth session of the access token, when it names one.
    public var sessionId: ObjectId?
    /// Shared with the outer middleware (request log): who the caller turned out to be.
    public let trace = RequestTrace()

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.principal = nil
        self.sessionId = nil
    }

    /// The caller; only reachable behind `AuthenticationMiddleware`, which refuses anonymous
    /// requests, so a nil here is a wiring mistake reported as 401 rather than a crash.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw DomainError.unauthenticated("Access token required") }
        return principal
    }

    /// The peer's IP address, for throttling and session records.
    var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
