/// What a seed run did: per kind of record how many were created or found already there, the
/// identities one can sign in as, and notes (files not loaded, shared passwords).
public struct SeedReport: Sendable, Equatable {
    public struct Identity: Sendable, Equatable {
        public let username: String
        public let email: String
        public let password: String
        public let roles: [String]
        public let isActive: Bool
    }

    /// In the order they are printed.
    public static let kinds = ["users", "groups", "channels", "messages", "groupRequests", "videoCalls"]

    public var tallies: [String: SeedTally] = [:]
    public var identities: [Identity] = []
    /// Identities too many to list one by one (volume users), as one line each.
    public var identitySummaries: [String] = []
    public var notes: [String] = []

    public init() {}

    mutating func count(_ kind: String, created: Int = 0, existing: Int = 0) {
        tallies[kind, default: SeedTally()].created += created
        tallies[kind, default: SeedTally()].existing += existing
    }

    /// Adds another run's figures to these.
    public mutating func merge(_ other: SeedReport) {
        for (kind, tally) in other.tallies { count(kind, created: tally.created, existing: tally.existing) }
        identities += other.identities
        identitySummaries += other.identitySummaries
        notes += other.notes
    }

    /// The lines `seed-sample-data` prints.
    public var lines: [String] {
        var lines = Self.kinds.compactMap { kind -> String? in
            guard let tally = tallies[kind] else { return nil }
            return "\(kind): \(tally.created) created, \(tally.existing) already there"
        }
        lines += notes.map { "note: \($0)" }
        if !identities.isEmpty || !identitySummaries.isEmpty { lines.append("sign-in identities (username / email / password / roles):") }
        lines += identities.map { identity in
            let state = identity.isActive ? "" : " (inactive: sign-in is refused)"
            return "  \(identity.username) / \(identity.email) / \(identity.password) / \(identity.roles.joined(separator: ","))\(state)"
        }
        lines += identitySummaries.map { "  \($0)" }
        return lines
    }
}
