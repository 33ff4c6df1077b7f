/// Settings used when the MongoDB URL does not give its own.
enum MongoStoreDefaults {
    static let databaseName = "parley"
    static let serverSelectionTimeoutMS: Int32 = 5000
    static let appName = "parley"
}
