import Foundation
import Logging
import ParleyCore
import ParleyStore
import Testing

@testable import MongoStore

/// Behaviour with no MongoDB server: start-up succeeds, every call fails fast with
/// `StoreError.unavailable`, and a burst of calls larger than the pool cannot deadlock it.
@Suite(.timeLimit(.minutes(1)))
struct MongoStoreUnreachableTests {
    /// Port 1 on loopback refuses connections; 300 ms keeps each server selection short.
    static let url = "mongodb://127.0.0.1:1/parley_test?serverSelectionTimeoutMS=300"
    static let logger = Logger(label: "MongoStoreTests")

    @Test func connectSucceedsAndNamesTheDatabase() async throws {
        let store = try await MongoStore.connect(url: Self.url, logger: Self.logger, threads: 2)
        #expect(store.databaseName == "parley_test")
        #expect(store.engineName == "mongodb")
        try await store.close()
    }

    @Test func databaseDefaultsToParley() async throws {
        let store = try await MongoStore.connect(
            url: "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300", logger: Self.logger, threads: 1)
        #expect(store.databaseName == "parley")
        try await store.close()
    }

    @Test func invalidURLIsRefused() async {
        await #expect(throws: StoreError.self) {
            _ = try await MongoStore.connect(url: "postgres://nope", logger: Self.logger, threads: 1)
        }
    }

    @Test func twentyConcurrentFindsOnTwoThreadsAllFailUnavailable() async throws {
        let store = try await MongoStore.connect(url: Self.url, logger: Self.logger, threads: 2)
        let outcomes = await withTaskGroup(of: StoreError?.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    do {
                        _ = try await store.users.find(id: ObjectId())
                        return nil
                    } catch let error as StoreError {
                        return error
                    } catch {
                        return .corrupt("unexpected error \(error)")
                    }
                }
            }
            var outcomes = [StoreError?]()
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        try await store.close()
        #expect(outcomes.count == 20)
        for outcome in outcomes {
            guard case .unavailable? = outcome else {
                Issue.record("expected StoreError.unavailable, got \(String(describing: outcome))")
                continue
            }
        }
    }

    @Test func writesPingAndRemoveAllAreUnavailableToo() async throws {
        let store = try await MongoStore.connect(url: Self.url, logger: Self.logger, threads: 2)
        await #expect(throws: StoreError.self) { try await store.users.insert(Fixtures.user) }
        await #expect(throws: StoreError.self) { try await store.sessions.insert(Fixtures.session) }
        await #expect(throws: StoreError.self) { try await store.ping() }
        await #expect(throws: StoreError.self) { _ = try await store.removeAll() }
        try await store.close()
    }

    @Test func callsAfterCloseFailAndCloseTwiceIsHarmless() async throws {
        let store = try await MongoStore.connect(url: Self.url, logger: Self.logger, threads: 1)
        try await store.close()
        try await store.close()
        await #expect(throws: StoreError.unavailable("the MongoDB store is closed")) {
            _ = try await store.users.find(login: "alice")
        }
    }
}
