import Foundation
import Logging
import NIOPosix
import RedisClient

/// A real `redis-server` for the cluster tests (on a port the kernel hands out, persistence
/// off), with a client to it; killed when the test ends.
final class ClusterRedis: @unchecked Sendable {
    static let installed = FileManager.default.isExecutableFile(atPath: "/usr/bin/redis-server")

    let port: Int
    let threadPool = NIOThreadPool(numberOfThreads: 2)
    let client: RedisClient
    private let process = Process()

    init() throws {
        port = try Self.unusedPort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        process.arguments = ["--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", NSTemporaryDirectory()]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        threadPool.start()
        client = RedisClient(url: RedisURL(host: "127.0.0.1", port: port), threadPool: threadPool, logger: Logger(label: "cluster-test"), connections: 2)
    }

    /// Waits until the server answers PING.
    func ready() async throws {
        for _ in 0..<200 {
            if (try? await client.send(["PING"])) == .status("PONG") { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw RedisError.unreachable("redis-server on \(port) did not start")
    }

    func stop() async {
        client.shutdown()
        // SIGKILL: the test process may hold SIGTERM blocked, and the child inherits that.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? await threadPool.shutdownGracefully()
    }

    private static func unusedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { throw RedisError.unreachable("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
