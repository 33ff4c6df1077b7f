/// A global role. Stored as its raw string; values Parley does not know (a MongoDB shared with
/// the old server may hold `admin`) are kept as they are but grant nothing.
public struct Role: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let superAdmin = Role(rawValue: "super_admin")
    public static let groupAdmin = Role(rawValue: "group_admin")
    public static let user = Role(rawValue: "user")

    /// The roles an administrator may assign.
    public static let assignable: Set<Role> = [.superAdmin, .groupAdmin, .user]

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
