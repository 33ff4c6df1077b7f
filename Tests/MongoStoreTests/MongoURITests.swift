import ParleyStore
import Testing

@testable import MongoStore

/// Connection-string defaults (parsing only; nothing connects).
struct MongoURITests {
    @Test func serverSelectionTimeoutDefaultsToFiveSeconds() throws {
        #expect(try MongoURI("mongodb://localhost/parley").serverSelectionTimeoutMS == 5000)
        #expect(try MongoURI("mongodb://localhost/?serverSelectionTimeoutMS=300").serverSelectionTimeoutMS == 300)
    }

    @Test func databaseComesFromThePath() throws {
        #expect(try MongoURI("mongodb://user:pw@db1,db2/chat?replicaSet=rs0").databaseName == "chat")
        #expect(try MongoURI("mongodb://localhost").databaseName == "parley")
        #expect(try MongoURI("mongodb://localhost/").databaseName == "parley")
    }

    @Test func malformedURLIsUnavailable() {
        #expect(throws: StoreError.self) { try MongoURI("mongodb://") }
        #expect(throws: StoreError.self) { try MongoURI("http://localhost") }
    }
}
