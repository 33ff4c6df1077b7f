import Foundation

/// Why `clear-database` will not run. It removes everything, so it asks to be told twice, and
/// three times where the data is production's.
public enum ClearRefusal: Error, Equatable, CustomStringConvertible {
    case notConfirmed
    case production(variable: String)

    /// Nil when clearing may go ahead. Production is recognised from `PARLEY_ENV` (Parley's own
    /// setting) and also from `NODE_ENV`, which a deployment carried over from the old server may
    /// still set: refusing once too often costs a flag, clearing production costs the data.
    public static func check(confirmed: Bool, forceProduction: Bool, environment: [String: String]) -> ClearRefusal? {
        guard confirmed else { return .notConfirmed }
        guard !forceProduction else { return nil }
        for variable in ["PARLEY_ENV", "NODE_ENV"]
        where environment[variable]?.trimmingCharacters(in: .whitespaces).lowercased() == RuntimeEnvironment.production.rawValue {
            return .production(variable: variable)
        }
        return nil
    }

    public var description: String {
        switch self {
        case .notConfirmed:
            return "this removes every user, group, channel and message; run it again with --yes to go ahead"
        case .production(let variable):
            return "\(variable)=production: refusing to clear a production store; add --force-production if you mean it"
        }
    }
}
