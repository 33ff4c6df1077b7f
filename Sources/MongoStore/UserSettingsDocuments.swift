import Foundation
import ParleyCore
import ParleyStore

/// Every document `MongoSettingsStore` sends. The user id is the document id, so there is no
/// other index to create.
enum UserSettingsDocuments {
    static let collection = "userSettings"

    static func document(for settings: UserSettings) throws -> BSONDocument {
        try BSONEncoder().encode(UserSettingsDocument(settings))
    }

    static func settings(from document: BSONDocument) throws -> UserSettings {
        do {
            return try BSONDecoder().decode(UserSettingsDocument.self, from: document).userSettings
        } catch {
            throw StoreError.corrupt("userSettings document \(UserDocuments.describeId(document)): \(error)")
        }
    }

    static func filter(userId: ObjectId) -> BSONDocument {
        ["_id": .objectId(userId)]
    }
}
