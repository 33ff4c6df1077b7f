import Hummingbird

/// The reactions and replies envelope `{success, message, data?, statusCode}`, answered with
/// the HTTP status equal to `statusCode`.
struct StatusEnvelope<Payload: Encodable & Sendable>: ResponseGenerator, Encodable, Sendable {
    let status: HTTPResponse.Status
    let message: String
    let data: Payload?

    init(_ status: HTTPResponse.Status = .ok, message: String, data: Payload?) {
        self.status = status
        self.message = message
        self.data = data
    }

    enum CodingKeys: String, CodingKey { case success, message, data, statusCode }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(true, forKey: .success)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(data, forKey: .data)
        try container.encode(Int(status.code), forKey: .statusCode)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(self, from: request, context: context)
        response.status = status
        return response
    }
}
