import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// An Engine.IO long-polling client that joins the default namespace and then stops polling
/// without closing: what a browser tab that vanished (a laptop lid shut) leaves on the server.
enum TestPollingSession {
    /// Opens a session, sends CONNECT with `token`, reads the answer, and walks away. Returns
    /// the Socket.IO packets of that last answer.
    static func connectAndAbandon(_ client: any TestClientProtocol, token: String) async throws -> String {
        let open = try await client.execute(uri: "/socket.io/?EIO=4&transport=polling", method: .get, headers: [:], body: nil)
        let handshake = String(buffer: open.body)
        guard handshake.hasPrefix("0"),
            let object = try JSONSerialization.jsonObject(with: Data(handshake.dropFirst().utf8)) as? [String: Any],
            let sid = object["sid"] as? String
        else { throw TestFailure("no Engine.IO handshake: \(handshake)") }
        let path = "/socket.io/?EIO=4&transport=polling&sid=\(sid)"
        var headers = HTTPFields()
        headers[.contentType] = "text/plain;charset=UTF-8"
        let connect = "40" + String(decoding: try JSONSerialization.data(withJSONObject: ["token": token]), as: UTF8.self)
        let posted = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: connect))
        guard String(buffer: posted.body) == "ok" else { throw TestFailure("CONNECT not taken: \(String(buffer: posted.body))") }
        // On a slow machine a ping (1 s interval in these tests) can be queued before the
        // CONNECT reply: poll again, a few times, until a Socket.IO packet is among the answers.
        var answers: [String] = []
        for _ in 0..<10 {
            let answer = try await client.execute(uri: path, method: .get, headers: [:], body: nil)
            answers.append(String(buffer: answer.body))
            if answers.last!.split(separator: "\u{1e}").contains(where: { $0.hasPrefix("4") }) { break }
        }
        return answers.joined(separator: "\u{1e}")
    }
}
