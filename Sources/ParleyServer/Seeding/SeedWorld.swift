import Foundation

/// One world of `jest-compat-fixtures/seed/<name>/` (see that folder's README): the users,
/// groups, channels, messages and join requests Parley stores, read from Extended JSON files.
/// A file that is missing counts as empty; files Parley has no store for yet are listed in
/// `notLoaded` so that the seeder can say so rather than skip them silently.
public struct SeedWorld: Sendable {
    public let name: String
    let users: [SeedUserRecord]
    let groups: [SeedGroupRecord]
    let channels: [SeedChannelRecord]
    let messages: [SeedMessageRecord]
    let groupRequests: [SeedGroupRequestRecord]
    let videoCalls: [SeedVideoCallRecord]
    public let notLoaded: [String]

    /// Files of a world that no Parley store takes yet.
    static let filesWithoutStore: [String] = []

    public static func load(from folder: URL) throws -> SeedWorld {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("users.json").path) else {
            throw SeedError.missingWorld(folder.path)
        }
        func records<Record: Decodable>(_ file: String, as type: Record.Type) throws -> [Record] {
            let url = folder.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            do {
                return try JSONDecoder().decode([Record].self, from: Data(contentsOf: url))
            } catch {
                throw SeedError.unreadable(file: url.path, reason: String(describing: error))
            }
        }
        return SeedWorld(
            name: folder.lastPathComponent,
            users: try records("users.json", as: SeedUserRecord.self),
            groups: try records("groups.json", as: SeedGroupRecord.self),
            channels: try records("channels.json", as: SeedChannelRecord.self),
            messages: try records("messages.json", as: SeedMessageRecord.self),
            groupRequests: try records("groupRequests.json", as: SeedGroupRequestRecord.self),
            videoCalls: try records("videoCalls.json", as: SeedVideoCallRecord.self),
            notLoaded: filesWithoutStore.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) })
    }

    /// The sign-in identities this world creates, in file order.
    var accounts: [SeedAccount] {
        users.map { SeedAccount(user: $0.user(passwordHash: ""), password: $0.plainPassword) }
    }
}
