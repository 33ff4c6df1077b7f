import HTTPTypes

/// Short method names for test tables.
enum HTTPMethodName: String, Sendable, CustomStringConvertible {
    case get = "GET", post = "POST", put = "PUT", delete = "DELETE"

    var value: HTTPRequest.Method {
        switch self {
        case .get: return .get
        case .post: return .post
        case .put: return .put
        case .delete: return .delete
        }
    }

    var description: String { rawValue }
}
