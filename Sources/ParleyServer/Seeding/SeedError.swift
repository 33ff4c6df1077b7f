/// Why seeding stopped. Each says what to do about it, as the command prints it as it is.
public enum SeedError: Error, CustomStringConvertible, Equatable {
    case missingWorld(String)
    case unreadable(file: String, reason: String)
    /// A record's unique key (username, email, group or channel name) is held by another record:
    /// the store holds data that did not come from this seed.
    case conflict(String)
    case badPlan(String)

    public var description: String {
        switch self {
        case .missingWorld(let path): return "no seed world at \(path) (expected a users.json there; pass --fixtures)"
        case .unreadable(let file, let reason): return "cannot read \(file): \(reason)"
        case .conflict(let what): return "\(what) already belongs to another record; run clear-database --yes first"
        case .badPlan(let reason): return reason
        }
    }
}
