import Foundation
import Testing

@testable import ParleyServer

/// A permission world with sockets: a group whose admin, member and spare user are members,
/// an outsider who is not, and helpers to connect any of them.
struct GatewayWorld: Sendable {
    let api: APIClient
    let world: PermissionWorld
    let target: Target
    let port: Int

    static func make(_ api: APIClient) async throws -> GatewayWorld {
        let world = try await PermissionWorld.make(api)
        let target = try await world.makeTarget(isPrivate: false)
        return GatewayWorld(api: api, world: world, target: target, port: try #require(api.client.port))
    }

    func connect(_ account: Account) async throws -> TestSocket {
        try await TestSocket.connect(port: port, token: account.accessToken)
    }

    /// Posts over REST and returns the stored message.
    func post(_ account: Account, channel: String, text: String) async throws -> [String: Any] {
        let response = try await api.send(.post, "/api/messages", token: account.accessToken, json: ["channelId": channel, "text": text])
        #expect(response.status == 201, "\(response.text)")
        return response.data
    }
}

/// Waits a little and checks that no event of that name arrived (for "receives nothing").
func expectNone(_ name: String, on socket: TestSocket, after delay: Duration = .milliseconds(300), sourceLocation: SourceLocation = #_sourceLocation) async throws {
    try await Task.sleep(for: delay)
    #expect(socket.received(name).isEmpty, "unexpected \(name): \(socket.received(name).map(\.args))", sourceLocation: sourceLocation)
}
