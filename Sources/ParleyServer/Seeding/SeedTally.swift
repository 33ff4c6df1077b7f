/// How many records of one kind a seed run wrote, and how many were already there.
public struct SeedTally: Sendable, Equatable {
    public var created = 0
    public var existing = 0

    public init(created: Int = 0, existing: Int = 0) {
        self.created = created
        self.existing = existing
    }
}
