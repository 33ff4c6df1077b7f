/// A failure a client can act on. Every layer throws these; the HTTP layer maps each case to a
/// status and the error envelope, the socket layer to an `error` event. Messages are shown to
/// clients as they are, so they never carry internal detail.
public enum DomainError: Error, Equatable, Sendable {
    /// 400: the input is malformed or breaks a rule. `fields` lists per-field problems.
    case validation(String, fields: [FieldError] = [])
    /// 401: no credentials, or credentials that do not check out.
    case unauthenticated(String)
    /// 403: authenticated, but not allowed.
    case forbidden(String)
    /// 404: no such thing (or the caller may not learn that it exists).
    case notFound(String)
    /// 409: the change would duplicate something unique.
    case conflict(String)
    /// 413: the body or a file is larger than the named limit.
    case payloadTooLarge(String)
    /// 415: the content type is refused.
    case unsupportedMediaType(String)
    /// 429: slow down; retry after this many seconds.
    case tooManyRequests(String, retryAfterSeconds: Int)
    /// 501: the feature does not exist on this server.
    case notSupported(String)
    /// 503: a dependency (the store) cannot be reached.
    case unavailable(String)

    public var message: String {
        switch self {
        case .validation(let message, _), .unauthenticated(let message), .forbidden(let message),
            .notFound(let message), .conflict(let message), .payloadTooLarge(let message),
            .unsupportedMediaType(let message), .tooManyRequests(let message, _),
            .notSupported(let message), .unavailable(let message):
            return message
        }
    }

    /// A stable machine-readable code for the envelope's `code` field.
    public var code: String {
        switch self {
        case .validation: return "VALIDATION_ERROR"
        case .unauthenticated: return "UNAUTHENTICATED"
        case .forbidden: return "FORBIDDEN"
        case .notFound: return "NOT_FOUND"
        case .conflict: return "CONFLICT"
        case .payloadTooLarge: return "PAYLOAD_TOO_LARGE"
        case .unsupportedMediaType: return "UNSUPPORTED_MEDIA_TYPE"
        case .tooManyRequests: return "RATE_LIMITED"
        case .notSupported: return "NOT_IMPLEMENTED"
        case .unavailable: return "SERVICE_UNAVAILABLE"
        }
    }

    public var statusCode: Int {
        switch self {
        case .validation: return 400
        case .unauthenticated: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .conflict: return 409
        case .payloadTooLarge: return 413
        case .unsupportedMediaType: return 415
        case .tooManyRequests: return 429
        case .notSupported: return 501
        case .unavailable: return 503
        }
    }

    /// The contract's wording for an id that is not 24 hex characters.
    public static func invalidId(_ thing: String) -> DomainError {
        .validation("Invalid \(thing) id")
    }
}

/// One field's problem in a validation failure.
public struct FieldError: Codable, Equatable, Sendable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
