import Foundation
import Hummingbird
import HummingbirdTesting
import SocketIO
import Testing

/// A node's prefix on Engine.IO session ids, which a load balancer reads to pin long-polling
/// to the node holding the session (deploy/nginx): the id still works as an opaque sid.
@Suite(.timeLimit(.minutes(1))) struct LiveSessionPrefixTests {
    @Test func pollingSessionIDsStartWithThePrefixAndStillServe() async throws {
        try await withLiveServer(sessionIDPrefix: "node7.", configure: { io in
            io.namespace("/").onConnection { _ in }
        }) { _, _, client in
            let first = try await pollingHandshake(client)
            let second = try await pollingHandshake(client)
            #expect(first.hasPrefix("node7.") && second.hasPrefix("node7."))
            #expect(first != second)
            #expect(first.dropFirst("node7.".count).count == 20, "the random part is unchanged")
            #expect(try await post(client, sid: first, "40").status == .ok)
            #expect(String(buffer: try await get(client, sid: first).body).hasPrefix(#"40{"sid":"#))
            // The prefix alone names no session.
            #expect(try await get(client, sid: "node7.").status == .badRequest)
        }
    }
}
