/// Every collection and index of the Parley database. Adding an aggregate means adding its
/// `…Documents` collection name and indexes here, and its store to `MongoStore`.
enum MongoSchema {
    static let collections: [String] = [
        UserDocuments.collection,
        AuthSessionDocuments.collection,
        GroupDocuments.collection,
        ChannelDocuments.collection,
        GroupRequestDocuments.collection,
        NotificationDocuments.collection,
        ActivityDocuments.collection,
        UserSettingsDocuments.collection,
        MessageDocuments.collection,
        MessageEditDocuments.collection,
        ReadStateDocuments.collection,
        ReactionDocuments.collection,
        UploadDocuments.collection,
        VideoCallDocuments.collection,
    ]

    static let indexes: [MongoIndex] =
        UserDocuments.indexes + AuthSessionDocuments.indexes + GroupDocuments.indexes + ChannelDocuments.indexes
        + GroupRequestDocuments.indexes + NotificationDocuments.indexes + ActivityDocuments.indexes + MessageDocuments.indexes
        + MessageEditDocuments.indexes + ReactionDocuments.indexes + UploadDocuments.indexes + VideoCallDocuments.indexes

    /// The old server's indexes that contradict Parley's rules, dropped before `indexes` are made.
    static let legacyIndexes: [MongoLegacyIndex] = ChannelDocuments.legacyIndexes + MessageDocuments.legacyIndexes
}
