import ArgumentParser
import Foundation

/// Scenario "idle connections": opens connections in steps and reports the server's resident
/// memory per connection at each step.
struct IdleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idle", abstract: "Memory per idle WebSocket connection at several connection counts.")

    @Option(help: "Base URL of the server.") var url = "http://127.0.0.1:3000"
    @Option(help: "Process id of the server, to read its resident memory.") var serverPid: Int32
    @Option(parsing: .upToNextOption, help: "Connection counts to measure at, ascending.") var steps: [Int] = [1000, 5000]
    @Option(help: "Prefix of the load users' names.") var prefix = "load"
    @Option(help: "Password of the load users.") var password = "loadgen-password"
    @Option(help: "Seconds to let the server settle before each reading.") var settle = 5
    @Option(help: "Connections opened at once.") var concurrency = 64
    @Flag(help: "Connect without signing in (for servers that take any CONNECT, such as socketio-conformance-server).")
    var anonymous = false

    func run() async throws {
        let total = steps.max() ?? 0
        print("signing in \(total) users…")
        let accounts: [LoadAccount] =
            anonymous
            ? (0..<total).map { _ in LoadAccount(id: "", username: "", token: "") }
            : try await AccountPool.signIn(baseURL: url, prefix: prefix, password: password, count: total)
        try await Task.sleep(for: .seconds(settle))
        guard let baseline = ProcessMemory.residentBytes(pid: serverPid) else { throw LoadgenError("cannot read /proc/\(serverPid)/status") }
        print("server resident memory before connections: \(Self.megabytes(baseline))")
        print("| connections | established | failed | server RSS | per connection |")
        print("|---:|---:|---:|---:|---:|")
        var sockets: [LoadgenSocket] = []
        var failed = 0
        for step in steps.sorted() {
            let wanted = accounts[sockets.count..<min(step, accounts.count)]
            let (opened, failures) = await Self.open(wanted.map(\.token), url: url, concurrency: concurrency)
            sockets += opened
            failed += failures
            try await Task.sleep(for: .seconds(settle))
            let alive = sockets.filter(\.isOpen).count
            let rss = ProcessMemory.residentBytes(pid: serverPid) ?? baseline
            let perConnection = alive > 0 ? Double(rss - baseline) / Double(alive) / 1024 : 0
            print("| \(step) | \(alive) | \(failed) | \(Self.megabytes(rss)) | \(String(format: "%.1f KB", perConnection)) |")
        }
        for socket in sockets { socket.close() }
        try await Task.sleep(for: .seconds(1))
    }

    static func open(_ tokens: [String], url: String, concurrency: Int) async -> ([LoadgenSocket], Int) {
        await withTaskGroup(of: LoadgenSocket?.self) { group in
            var sockets: [LoadgenSocket] = []
            var failures = 0
            var iterator = tokens.makeIterator()
            func add() -> Bool {
                guard let token = iterator.next() else { return false }
                group.addTask { await LoadgenSocket.connect(url: url, token: token) }
                return true
            }
            for _ in 0..<concurrency where !add() { break }
            while let result = await group.next() {
                if let result { sockets.append(result) } else { failures += 1 }
                _ = add()
            }
            return (sockets, failures)
        }
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
}
