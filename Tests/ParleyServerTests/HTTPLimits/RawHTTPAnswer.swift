import Foundation

/// One HTTP/1.1 response parsed from raw bytes: status, headers (names lowercased) and body.
struct RawHTTPAnswer: @unchecked Sendable {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]
    /// Bytes of head and body together.
    let length: Int
    /// The body is as long as Content-Length says.
    let isComplete: Bool

    /// nil until a whole head has arrived.
    init?(bytes: [UInt8]) {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let bodyStart = end + separator.count
        let declared = headers["content-length"].flatMap { Int($0) } ?? 0
        let available = bytes.count - bodyStart
        self.status = status
        self.headers = headers
        self.body = Array(bytes[bodyStart..<(bodyStart + min(declared, available))])
        self.length = bodyStart + min(declared, available)
        self.isComplete = available >= declared
    }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// The contract's error envelope with this code.
    func isErrorEnvelope(code: String) -> Bool {
        json["success"] as? Bool == false && json["status"] as? String == "error" && json["code"] as? String == code
            && (json["message"] as? String)?.isEmpty == false
    }
}
