import CMongoc
import Foundation
import NIOPosix
import ParleyStore

/// The client pool plus the threads that are allowed to call libmongoc.
///
/// libmongoc blocks the calling thread for the whole round trip (and for up to
/// serverSelectionTimeoutMS when the server is away), so no call may run on a Swift
/// concurrency thread or a NIO event loop. Every call goes through `run`, which executes on a
/// `NIOThreadPool` sized like the client pool.
///
/// Why this cannot deadlock: a job pops a client, uses it and pushes it back before it returns
/// (a `defer` in the same job), and never waits for another job. At most `threads` jobs run at
/// once and the pool holds up to `threads` clients, so a job that pops always either gets a
/// free client or waits only for a running job that is itself making progress towards its
/// push — never for a job that is waiting in turn. Queued jobs wait in the thread pool's queue,
/// holding no client.
final class MongoConnection: Sendable {
    let databaseName: String
    private let clients: MongoClientPool
    private let threadPool: NIOThreadPool
    private let closed = LockedFlag()

    private init(clients: MongoClientPool, threadPool: NIOThreadPool) {
        self.clients = clients
        self.databaseName = clients.databaseName
        self.threadPool = threadPool
    }

    /// Starts the threads, then parses the URL and creates the pool on one of them. Does not
    /// contact the server: libmongoc connects on first use.
    static func open(url: String, threads: Int) async throws -> MongoConnection {
        let threadCount = max(1, threads)
        let threadPool = NIOThreadPool(numberOfThreads: threadCount)
        threadPool.start()
        do {
            let clients = try await threadPool.runIfActive {
                try MongoClientPool(url: url, maxSize: threadCount)
            }
            return MongoConnection(clients: clients, threadPool: threadPool)
        } catch {
            try await threadPool.shutdownGracefully()
            throw error
        }
    }

    /// Runs `job` on a pool thread with a client of its own, returned to the pool when the job
    /// ends. libmongoc failures surface as `StoreError`.
    func run<Result: Sendable>(_ job: @escaping @Sendable (MongoClient) throws -> Result) async throws -> Result {
        do {
            return try await threadPool.runIfActive { [clients] in
                guard let client = mongoc_client_pool_pop(clients.pointer) else {
                    throw StoreError.unavailable("MongoDB client pool returned no client")
                }
                defer { mongoc_client_pool_push(clients.pointer, client) }
                return try job(MongoClient(pointer: client, databaseName: clients.databaseName))
            }
        } catch let failure as MongoFailure {
            throw failure.storeError
        } catch let failure as BSONError {
            // A document that could not be converted to or from libbson's form.
            throw StoreError.corrupt("BSON conversion failed: \(failure)")
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw StoreError.unavailable("the MongoDB store is closed")
        } catch let cancellation as CancellationError {
            // The thread pool drops a job either because the caller's task was cancelled (the
            // job never ran; the cancellation is the caller's to handle) or because the pool
            // was shut down by `close`.
            if closed.isSet { throw StoreError.unavailable("the MongoDB store is closed") }
            throw cancellation
        }
    }

    /// Stops the threads — waiting for running jobs, failing queued ones — and only then
    /// destroys the client pool, so no job can still hold a client. Safe to call twice.
    func close() async throws {
        guard closed.setOnce() else { return }
        try await threadPool.shutdownGracefully()
        // Destroying the pool closes sockets and joins libmongoc's monitoring threads, which
        // blocks; the thread pool is gone by now, so it gets a short-lived thread of its own.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread { [clients] in
                clients.destroy()
                done.resume()
            }
        }
    }
}
