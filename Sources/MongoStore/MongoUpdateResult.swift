/// Counts from an update reply.
struct MongoUpdateResult: Sendable, Equatable {
    var matchedCount: Int
    var modifiedCount: Int

    init(matchedCount: Int, modifiedCount: Int) {
        self.matchedCount = matchedCount
        self.modifiedCount = modifiedCount
    }

    /// libmongoc's reply holds `matchedCount` and `modifiedCount` as int32 or int64.
    init(reply: BSONDocument) {
        self.init(
            matchedCount: reply["matchedCount"]?.intValue ?? 0,
            modifiedCount: reply["modifiedCount"]?.intValue ?? 0)
    }
}
