import CMongoc
import ParleyStore
import Testing

@testable import MongoStore

/// libmongoc errors mapped to StoreError.
struct MongoFailureTests {
    @Test func duplicateKeyFromTheMessage() {
        let failure = MongoFailure(
            domain: 18, code: 11000,
            message: #"E11000 duplicate key error collection: parley.users index: username_ci dup key: { username: "bob" }"#)
        #expect(failure.storeError == .duplicate(field: "username"))
    }

    @Test func duplicateKeyOnTheOldServersIndex() {
        let failure = MongoFailure(
            domain: 18, code: 11000,
            message: #"E11000 duplicate key error collection: parley.users index: email_1 dup key: { email: "a@b.c" }"#)
        #expect(failure.storeError == .duplicate(field: "email"))
    }

    @Test func duplicateKeyFromTheReplysKeyPattern() {
        let insertReply: BSONDocument = [
            "insertedCount": 0,
            "writeErrors": [["index": 0, "code": 11000, "errmsg": "E11000 …", "keyPattern": ["email": 1]]],
        ]
        #expect(MongoFailure(domain: 18, code: 11000, message: "E11000", reply: insertReply).storeError == .duplicate(field: "email"))
        let findAndModifyReply: BSONDocument = ["ok": 0, "code": 11000, "keyPattern": ["username": 1], "keyValue": ["username": "x"]]
        #expect(
            MongoFailure(domain: 18, code: 11000, message: "Plan executor error", reply: findAndModifyReply).storeError
                == .duplicate(field: "username"))
    }

    @Test func legacyDuplicateCodes() {
        #expect(MongoFailure(domain: 18, code: 11001, message: "index: email_ci dup key").storeError == .duplicate(field: "email"))
        #expect(MongoFailure(domain: 18, code: 12582, message: "no index named").storeError == .duplicate(field: "unknown"))
    }

    @Test func indexNamesToFields() {
        #expect(MongoFailure.field(forIndexNamed: "username_ci") == "username")
        #expect(MongoFailure.field(forIndexNamed: "created_at_-1") == "created_at")
        #expect(MongoFailure.field(forIndexNamed: "groupId_1_userId_1") == "groupId")
        #expect(MongoFailure.field(forIndexNamed: "custom") == "custom")
    }

    @Test func serverSelectionAndConnectionErrorsAreUnavailable() {
        let selection = MongoFailure(
            domain: MONGOC_ERROR_SERVER_SELECTION.rawValue, code: 13053, message: "No suitable servers found (`serverSelectionTryOnce` set): [connection refused]")
        guard case .unavailable(let text) = selection.storeError else {
            Issue.record("expected unavailable, got \(selection.storeError)")
            return
        }
        #expect(text.contains("No suitable servers found"))
        let stream = MongoFailure(domain: 3, code: 4, message: "socket error")
        #expect(stream.storeError == .unavailable("socket error (libmongoc domain 3, code 4)"))
    }

    @Test func aCommandTheServerRefusesIsRejectedNamingItNotUnavailable() {
        var failure = MongoFailure(
            domain: MONGOC_ERROR_SERVER.rawValue, code: 14,
            message: "Cannot apply $inc to a value of non-numeric type")
        failure.command = "update on messages"
        #expect(
            failure.storeError
                == .rejected(
                    "update on messages: Cannot apply $inc to a value of non-numeric type (libmongoc domain \(MONGOC_ERROR_SERVER.rawValue), code 14)"))
        let tooBig = MongoFailure(domain: MONGOC_ERROR_CLIENT.rawValue, code: MONGOC_ERROR_CLIENT_TOO_BIG.rawValue, message: "too large")
        #expect(tooBig.storeError == .rejected("too large (libmongoc domain 1, code \(MONGOC_ERROR_CLIENT_TOO_BIG.rawValue))"))
    }

    @Test func aServerThatCannotServeNowIsUnavailable() {
        let steppedDown = MongoFailure(domain: MONGOC_ERROR_SERVER.rawValue, code: 10107, message: "not primary")
        #expect(steppedDown.storeError == .unavailable("not primary (libmongoc domain \(MONGOC_ERROR_SERVER.rawValue), code 10107)"))
        let notReady = MongoFailure(domain: MONGOC_ERROR_CLIENT.rawValue, code: MONGOC_ERROR_CLIENT_AUTHENTICATE.rawValue, message: "auth failed")
        #expect(notReady.isUnreachable)
    }

    @Test func indexConflictsAreRecognised() {
        #expect(MongoFailure(domain: 18, code: 85, message: "Index already exists with different options").isIndexConflict)
        #expect(MongoFailure(domain: 18, code: 86, message: "Index key specs conflict").isIndexConflict)
        #expect(!MongoFailure(domain: 18, code: 11000, message: "E11000").isIndexConflict)
    }
}
