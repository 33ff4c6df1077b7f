/// Every collection and index of the Parley database. Adding an aggregate means adding its
/// `…Documents` collection name and indexes here, and its store to `MongoStore`.
enum MongoSchema {
    static let collections: [String] = [
        UserDocuments.collection,
        AuthSessionDocuments.collection,
    ]

    static let indexes: [MongoIndex] = UserDocuments.indexes + AuthSessionDocuments.indexes
}
