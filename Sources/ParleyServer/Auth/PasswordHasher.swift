import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing and verification, run on a thread pool because each call takes tens of
/// milliseconds of CPU and must not stall an event loop.
public struct PasswordHasher: Sendable {
    let cost: Int
    let threadPool: NIOThreadPool

    public init(cost: Int, threadPool: NIOThreadPool) {
        self.cost = cost
        self.threadPool = threadPool
    }

    func hash(_ password: String) async throws -> String {
        let cost = UInt8(cost)
        return try await threadPool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Verifies `password` against a `$2a$`, `$2b$` or `$2y$` hash (the old Node server wrote
    /// `$2b$`; PHP-era data may hold `$2y$`, which is the same algorithm under another name).
    func verify(_ password: String, against hash: String) async throws -> Bool {
        var normalized = hash
        if normalized.hasPrefix("$2y$") { normalized = "$2b$" + normalized.dropFirst(4) }
        guard normalized.hasPrefix("$2a$") || normalized.hasPrefix("$2b$"), !password.utf8.contains(0) else { return false }
        let candidate = normalized
        return try await threadPool.runIfActive { Bcrypt.verify(password, hash: candidate) }
    }
}
