import Foundation
import ParleyCore

/// Signed-in sessions that refresh tokens are bound to.
public protocol AuthSessionStore: Sendable {
    func insert(_ session: AuthSession) async throws
    func find(id: ObjectId) async throws -> AuthSession?
    /// Records use of a session (a refresh). Returns false when there is no such session.
    func touch(id: ObjectId, at date: Date) async throws -> Bool
    /// Revokes one session. Returns false when it did not exist or was already revoked.
    func revoke(id: ObjectId, at date: Date) async throws -> Bool
    /// Revokes every live session of a user; returns how many were revoked.
    func revokeAll(userId: ObjectId, at date: Date) async throws -> Int
    /// Sessions that are neither revoked nor expired, newest first.
    func liveSessions(userId: ObjectId, at date: Date) async throws -> [AuthSession]
    /// Removes sessions that expired before `date`; returns how many.
    func deleteExpired(before date: Date) async throws -> Int
}
