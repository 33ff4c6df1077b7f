import Foundation
import ParleyCore
import Synchronization

/// Access tokens whose signature and claims were verified, with what they name, until they
/// expire. A client sends the same token with every request for its whole life (15 minutes by
/// default); verifying it each time meant parsing it twice, an HMAC, decoding its claims and a
/// hop to jwt-kit's key-collection actor. A token's signature cannot stop being valid before its
/// `exp` while the process runs (the secret is fixed at start-up), so remembering the outcome
/// changes nothing: the session and the user behind it are still checked on every request.
/// Only successes are kept, in bounded memory.
final class VerifiedTokenCache: Sendable {
    struct Claims: Sendable {
        let userId: ObjectId
        let sessionId: ObjectId
        let expiresAt: Date
    }

    private let verified = Mutex<[String: Claims]>([:])
    private let maximumEntries: Int

    init(maximumEntries: Int = 20_000) {
        self.maximumEntries = maximumEntries
    }

    /// What `token` names, when it was verified before and has not expired since.
    func claims(of token: String, now: Date = Date()) -> Claims? {
        verified.withLock { entries in
            guard let claims = entries[token] else { return nil }
            guard now < claims.expiresAt else {
                entries[token] = nil
                return nil
            }
            return claims
        }
    }

    func remember(_ token: String, _ claims: Claims, now: Date = Date()) {
        verified.withLock { entries in
            if entries.count >= maximumEntries {
                // Expired tokens go first; if every one is live the cache starts again.
                entries = entries.filter { now < $0.value.expiresAt }
                if entries.count >= maximumEntries { entries.removeAll() }
            }
            entries[token] = claims
        }
    }
}
