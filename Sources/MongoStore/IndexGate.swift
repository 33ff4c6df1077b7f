import Logging
import ParleyStore

/// Makes sure the indexes exist before any write that relies on them.
///
/// Uniqueness of usernames and emails is enforced by unique indexes, so a user write must not
/// happen before those exist. `connect` tries to create them; if the server is unreachable
/// then, start-up still succeeds (the app can serve health checks and come up before its
/// database) and the first write tries again. Concurrent writers share one attempt. Reads do
/// not wait: they are correct without indexes, only slower.
actor IndexGate {
    private enum State {
        case pending
        case creating(Task<Void, any Error>)
        case ready
    }

    private var state = State.pending
    private let connection: MongoConnection
    private let logger: Logger

    init(connection: MongoConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    func ensure() async throws {
        switch state {
        case .ready:
            return
        case .creating(let attempt):
            try await attempt.value
        case .pending:
            let attempt = Task { [connection, logger] in
                try await Self.dropLegacyIndexes(on: connection, logger: logger)
                try await Self.createIndexes(on: connection, logger: logger)
            }
            state = .creating(attempt)
            do {
                try await attempt.value
                state = .ready
            } catch {
                state = .pending
                throw error
            }
        }
    }

    /// Drops the old server's indexes that contradict Parley's rules (see `MongoSchema`).
    /// Runs before index creation so that, for example, a channel named like one in another
    /// group is never refused by the old global unique index once Parley is up.
    private static func dropLegacyIndexes(on connection: MongoConnection, logger: Logger) async throws {
        let dropped = try await connection.run { client -> [String] in
            var dropped = [String]()
            for legacy in MongoSchema.legacyIndexes {
                let reply: BSONDocument
                do {
                    reply = try client.command(legacy.listCommand)
                } catch let failure as MongoFailure where failure.isNamespaceNotFound {
                    continue  // a new database: the collection, and so the index, does not exist
                }
                guard legacy.shouldDrop(given: reply) else { continue }
                _ = try client.writeCommand(legacy.dropCommand)
                dropped.append("\(legacy.collection).\(legacy.name)")
            }
            return dropped
        }
        for index in dropped {
            logger.notice(
                "Dropped the old server's unique index, which contradicts Parley's rules", metadata: ["index": "\(index)"])
        }
    }

    /// Creates every index in one job. Stops at the first failure other than a conflict with an
    /// existing index, so an unreachable server costs one server-selection timeout, not one per
    /// index.
    private static func createIndexes(on connection: MongoConnection, logger: Logger) async throws {
        let conflicts = try await connection.run { client -> [String] in
            var conflicts = [String]()
            for index in MongoSchema.indexes {
                do {
                    _ = try client.writeCommand(index.createCommand)
                } catch let failure as MongoFailure where failure.isIndexConflict {
                    // An index of that name or key already exists with other options (the old
                    // server may have made it). It still serves the queries; say so and go on.
                    conflicts.append("\(index.collection).\(index.name): \(failure.message)")
                }
            }
            return conflicts
        }
        for conflict in conflicts {
            logger.warning("MongoDB index left as it is", metadata: ["index": "\(conflict)"])
        }
    }
}
