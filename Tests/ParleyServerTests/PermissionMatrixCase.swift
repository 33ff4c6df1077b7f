import Foundation
import Testing

/// One route under the permission matrix: what it is called with, and the status each actor
/// (in `Actor` order: anonymous, outsider, member, admin of another group, admin of this group,
/// super_admin) must get. Every actor works on a fresh target, so a permitted change by one
/// actor cannot hide a refusal for the next.
struct PermissionMatrixCase: Sendable, CustomStringConvertible {
    enum TargetKind: Sendable { case publicGroup, privateGroup, joinRequest, memberMessage }

    let method: HTTPMethodName
    let route: String
    let kind: TargetKind
    let path: @Sendable (Fixture) -> String
    let body: @Sendable (Fixture) -> [String: Any]?
    let expected: [Int]

    init(
        _ method: HTTPMethodName, _ route: String, on kind: TargetKind = .publicGroup, body: @escaping @Sendable (Fixture) -> [String: Any]? = { _ in nil },
        expect expected: [Int], path: @escaping @Sendable (Fixture) -> String
    ) {
        self.method = method
        self.route = route
        self.kind = kind
        self.path = path
        self.body = body
        self.expected = expected
    }

    var description: String { "\(method) \(route)" }

    /// What a case's closures can refer to.
    struct Fixture: @unchecked Sendable {
        let world: PermissionWorld
        let target: Target
        let requestId: String?
        var messageId: String? = nil
    }

    /// Runs the case for every actor; returns one line per actor whose status differed.
    func run(in world: PermissionWorld) async throws -> [String] {
        var mismatches: [String] = []
        for actor in Actor.allCases {
            let fixture: Fixture
            switch kind {
            case .publicGroup: fixture = Fixture(world: world, target: try await world.makeTarget(isPrivate: false), requestId: nil)
            case .privateGroup: fixture = Fixture(world: world, target: try await world.makeTarget(isPrivate: true), requestId: nil)
            case .joinRequest:
                let (target, requestId, _) = try await world.makeRequestTarget()
                fixture = Fixture(world: world, target: target, requestId: requestId)
            case .memberMessage:
                let target = try await world.makeTarget(isPrivate: false)
                let posted = try await world.expect(
                    201, .post, "/api/messages", world.member, ["channelId": target.extraChannelId, "text": "hello from member"])
                fixture = Fixture(world: world, target: target, requestId: nil, messageId: posted.data["_id"] as? String)
            }
            var json = body(fixture)
            if json == nil && method != .get { json = [:] }
            let response = try await world.api.send(method.value, path(fixture), token: world.token(actor), json: json)
            if response.status != expected[actor.rawValue] {
                mismatches.append("\(self) as \(actor): expected \(expected[actor.rawValue]), got \(response.status) \(response.text.prefix(160))")
            }
            if response.status >= 400 && response.json["success"] as? Bool != false {
                mismatches.append("\(self) as \(actor): error without the error envelope: \(response.text.prefix(160))")
            }
        }
        return mismatches
    }
}
