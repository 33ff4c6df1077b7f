import ArgumentParser
import Foundation

/// The world of the REST scenarios: a group with two channels (`history-small` and
/// `history-large`, and `posts` for posting), one message in each (the template `scripts/bench` copies to fill them),
/// and the super admin's access token. Prints shell assignments for `eval`.
struct RestWorldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rest-world", abstract: "Creates the channels of the REST scenarios and prints their ids and a token.")

    @Option(help: "Base URL of the server.") var url = "http://127.0.0.1:3000"
    @Option(help: "The super admin.") var adminUsername = "benchadmin"
    @Option(help: "The super admin's password.") var adminPassword = "bench-admin-password"

    func run() async throws {
        let token = try await ChatWorld.adminToken(baseURL: url, username: adminUsername, password: adminPassword)
        let (status, body) = try await AccountPool.post(
            url + "/api/groups", ["name": "rest \(UInt32.random(in: 0...UInt32.max))", "description": "parley-loadgen"], token: token)
        guard status == 201, let group = body["data"] as? [String: Any], let groupId = group["_id"] as? String else {
            throw LoadgenError("could not create the REST group: HTTP \(status) \(body)")
        }
        var assignments = ["PARLEY_TOKEN=\(token)"]
        for name in ["history-small", "history-large", "posts"] {
            let (status, body) = try await AccountPool.post(url + "/api/channels", ["groupId": groupId, "name": name], token: token)
            guard status == 201, let channel = body["data"] as? [String: Any], let channelId = channel["_id"] as? String else {
                throw LoadgenError("could not create channel \(name): HTTP \(status) \(body)")
            }
            let (posted, message) = try await AccountPool.post(
                url + "/api/messages", ["channelId": channelId, "text": "template"], token: token)
            guard posted == 201, let data = message["data"] as? [String: Any], let messageId = data["_id"] as? String else {
                throw LoadgenError("could not post in \(name): HTTP \(posted) \(message)")
            }
            let variable = name.replacingOccurrences(of: "-", with: "_").uppercased()
            assignments += ["\(variable)_CHANNEL=\(channelId)", "\(variable)_TEMPLATE=\(messageId)"]
        }
        print(assignments.joined(separator: "\n"))
    }
}
