import ArgumentParser
import Foundation

/// Scenarios "fan-out" and "chat mix": `users` signed-in clients spread over `groups` groups
/// (one `general` channel each), `send_message` at a fixed total rate from random members,
/// and every `new_message` timed from its send stamp to its arrival.
struct TrafficCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traffic", abstract: "Messages at a fixed rate into channels; deliveries per second and latency.")

    @Option(parsing: .upToNextOption, help: "Base URLs of the server; connections take turns (several 127.0.0.x addresses when ports run short).")
    var urls: [String] = ["http://127.0.0.1:3000"]
    @Option(help: "Process id of the server, to read its resident memory and CPU time; repeat it for each node of a cluster.")
    var serverPid: [Int32]
    @Option(help: "Scenario name printed in the row.") var scenario = "fan-out"
    @Option(help: "Clients (one user each).") var users = 1000
    @Option(help: "Groups, each with one channel; user i joins group i % groups.") var groups = 1
    @Option(help: "Messages per second in total.") var rate = 100.0
    @Option(help: "Seconds of measured sending.") var duration = 10.0
    @Option(help: "Seconds of sending before measuring.") var warmup = 3.0
    @Option(help: "Seconds to wait for late deliveries after the last measured send.") var drain = 3.0
    @Option(help: "websocket or polling.") var transport: LoadgenTransport = .websocket
    @Option(help: "Prefix of the load users' names.") var prefix = "load"
    @Option(help: "First user number, so scenarios can use users of their own.") var offset = 0
    @Option(help: "Password of the load users.") var password = "loadgen-password"
    @Option(help: "The super admin that builds the groups.") var adminUsername = "benchadmin"
    @Option(help: "The super admin's password.") var adminPassword = "bench-admin-password"
    @Option(help: "Connections opened at once.") var concurrency = 64
    @Option(help: "REST requests under way at once while building the world.") var restConcurrency = 16
    @Flag(help: "Use seed-sample-data's volume world (bench_user_NNNNNN in its groups) instead of building one over REST.")
    var seeded = false

    func run() async throws {
        let base = urls[0]
        progress("\(scenario): signing in \(users) users…")
        let accounts: [LoadAccount]
        let world: ChatWorld
        if seeded {
            accounts = try await AccountPool.signInSeeded(baseURL: base, count: users, offset: offset, concurrency: restConcurrency)
            world = try await ChatWorld.seeded(baseURL: base, accounts: accounts, groups: groups, concurrency: restConcurrency)
        } else {
            accounts = try await AccountPool.signIn(
                baseURL: base, prefix: prefix, password: password, count: users, offset: offset, concurrency: restConcurrency)
            let adminToken = try await ChatWorld.adminToken(baseURL: base, username: adminUsername, password: adminPassword)
            progress("\(scenario): creating \(groups) groups…")
            world = try await ChatWorld.build(
                baseURL: base, adminToken: adminToken, name: "\(scenario) \(UInt32.random(in: 0...UInt32.max))", accounts: accounts,
                groups: groups, concurrency: restConcurrency)
        }

        progress("\(scenario): opening \(users) \(transport.rawValue) connections…")
        let recorder = DeliveryRecorder()
        let transport = transport
        let urls = urls
        let opened = try await Concurrently.map(accounts.count, concurrency: concurrency) { index in
            await transport.connect(url: urls[index % urls.count], token: accounts[index].token, onEvent: recorder.handler(connection: index))
        }
        var members = [[any LoadgenConnection]](repeating: [], count: groups)
        for (index, connection) in opened.enumerated() {
            if let connection { members[index % groups].append(connection) }
        }
        let failedConnections = opened.count(where: { $0 == nil })
        progress("\(scenario): \(opened.count - failedConnections) connected, \(failedConnections) failed")
        try await Task.sleep(for: .seconds(2))

        let measured = try await send(world: world, members: members, recorder: recorder)
        // Blocks a thread rather than awaiting: when the clients cannot keep up the cooperative
        // pool may be flooded (it was, when the polling clients ran on URLSession) and an
        // awaited sleep then ends late. What has not arrived by the end of the drain is counted
        // as not delivered.
        usleep(UInt32(drain * 1_000_000))
        let totals = recorder.snapshot
        let dropped = members.joined().count(where: { !$0.isOpen })
        let resident = serverPid.map { ProcessMemory.residentBytes(pid: $0) }
        for connection in members.joined() { connection.close() }

        let perSecond = Double(totals.delivered) / duration
        let share = measured.expected > 0 ? Double(totals.delivered) / Double(measured.expected) * 100 : 0
        if let firstError = totals.firstError { progress("\(scenario): first error event: \(firstError)") }
        let row = ResultRow(
            scenario: scenario,
            load: "\(users) users, \(groups) channel\(groups == 1 ? "" : "s"), \(Int(rate)) msg/s, \(transport.rawValue)",
            throughput: String(format: "%.0f deliveries/s (%.1f%% of %d)", perSecond, share, measured.expected),
            latency: totals.latency,
            errors: "\(failedConnections) connect, \(totals.errorEvents) error events, \(dropped) dropped, \(totals.duplicates) duplicates",
            serverResident: resident,
            cpu: ResultRow.cpuShare(servers: measured.serverCPU, loadgen: measured.loadgenCPU, seconds: duration))
        print(row.markdown)
        usleep(500_000)  // lets the close packets go out; see the drain above for why not awaited
    }

    struct Measured {
        var expected = 0
        var serverCPU: [Double?] = []
        var loadgenCPU: Double?
    }

    /// Sends at `rate` for `warmup + duration` seconds; messages stamped after the warm-up
    /// are the measured ones, and each is expected once per connected member of its channel.
    private func send(world: ChatWorld, members: [[any LoadgenConnection]], recorder: DeliveryRecorder) async throws -> Measured {
        let start = MonotonicClock.nanoseconds()
        let windowStart = start + UInt64(warmup * 1e9)
        let stop = windowStart + UInt64(duration * 1e9)
        var measured = Measured()
        var sent = 0
        var measuring = false
        var serverCPUAtStart: [Double?]?
        var loadgenCPUAtStart = 0.0
        while true {
            let now = MonotonicClock.nanoseconds()
            // A loop starved past the whole window still opens it, so its numbers show the stall.
            if !measuring, now >= windowStart {
                measuring = true
                recorder.open(at: now)
                serverCPUAtStart = serverPid.map { ProcessMemory.cpuSeconds(pid: $0) }
                loadgenCPUAtStart = OwnCPU.seconds()
            }
            let due = Int(Double(now - start) / 1e9 * rate) + 1
            while sent < due {
                let channel = sent % world.channelIds.count
                sent += 1
                guard let sender = members[channel].randomElement() else { continue }
                let text = DeliveryRecorder.text(stamp: MonotonicClock.nanoseconds())
                sender.emit("send_message", json: "{\"channelId\":\"\(world.channelIds[channel])\",\"text\":\"\(text)\"}")
                if measuring { measured.expected += members[channel].count }
            }
            if now >= stop { break }
            try await Task.sleep(for: .milliseconds(2))
        }
        progress("\(scenario): sent \(sent) messages")
        recorder.close(at: MonotonicClock.nanoseconds())
        if let serverCPUAtStart {
            measured.serverCPU = zip(serverPid, serverCPUAtStart).map { pid, before in
                guard let before, let now = ProcessMemory.cpuSeconds(pid: pid) else { return nil }
                return now - before
            }
        }
        measured.loadgenCPU = OwnCPU.seconds() - loadgenCPUAtStart
        return measured
    }
}
