import ParleyCore

/// The one error envelope for every layer: `{success:false, status:"error", message, code,
/// statusCode}` — a superset of the three shapes the old server sent — plus `errors` for
/// per-field problems.
struct ErrorBody: Encodable, Sendable {
    let message: String
    let code: String
    let errors: [FieldError]?
    var statusCode: Int = 0

    enum CodingKeys: String, CodingKey { case success, status, message, code, errors, statusCode }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(false, forKey: .success)
        try container.encode("error", forKey: .status)
        try container.encode(message, forKey: .message)
        try container.encode(code, forKey: .code)
        if let errors, !errors.isEmpty { try container.encode(errors, forKey: .errors) }
        if statusCode != 0 { try container.encode(statusCode, forKey: .statusCode) }
    }
}
