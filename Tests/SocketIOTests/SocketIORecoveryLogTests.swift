import NIOCore
import Testing

@testable import SocketIO

/// The recovery log, packet by packet: what a reconnecting session is sent, and when it can no
/// longer be recovered.
@Suite struct SocketIORecoveryLogTests {
    let start = ContinuousClock.now

    func makeLog(_ limits: SocketIORecoveryConfiguration = .init(window: .seconds(60))) -> SocketIORecoveryLog {
        SocketIORecoveryLog(limits: limits)
    }

    /// Numbers and records an event called `name` addressed as given.
    @discardableResult
    func broadcast(_ name: String, to rooms: Set<String> = [], except: Set<String> = [], in log: inout SocketIORecoveryLog, at offset: Duration = .zero) -> String {
        let number = log.issueOffset()
        let frames = SocketIOPacketEncoder.appending(
            argument: SocketIOLoggedPacket.offsetText(number),
            to: SocketIOPacketEncoder.encode(SocketIOPacket(type: .event, data: .array([.string(name)]))))
        log.record(SocketIOLoggedPacket(offset: number, frames: frames, options: .init(rooms: rooms, except: except), time: start + offset))
        return SocketIOLoggedPacket.offsetText(number)
    }

    func keep(_ sid: String, rooms: Set<String>, in log: inout SocketIORecoveryLog, at offset: Duration = .zero) {
        log.persist(SocketIOPersistedSession(sid: sid, pid: "pid-\(sid)", rooms: rooms.union([sid]), data: [:]), now: start + offset)
    }

    func texts(_ packets: [SocketIOLoggedPacket]?) -> [String]? {
        packets?.map { packet in
            guard case .text(let buffer) = packet.frames.first else { return "" }
            return String(buffer: buffer)
        }
    }

    @Test func theOffsetIsTheLastArgumentOfTheSameEncoding() {
        let frames = SocketIOPacketEncoder.encode(SocketIOPacket(type: .event, data: ["chat", ["text": "hi"]]))
        let numbered = SocketIOPacketEncoder.appending(argument: "42", to: frames)
        #expect(numbered == [.text(#"42["chat",{"text":"hi"}"# + #","42"]"#)])
    }

    @Test func missedPacketsAreThoseAfterTheOffsetForTheSessionsRooms() {
        var log = makeLog()
        let seen = broadcast("seen", to: ["a"], in: &log)
        broadcast("in flight", to: ["a"], in: &log)
        keep("s1", rooms: ["a"], in: &log)
        broadcast("other room", to: ["b"], in: &log)
        broadcast("excluded", to: ["a"], except: ["s1"], in: &log)
        broadcast("everyone", in: &log)
        broadcast("missed", to: ["a"], in: &log)
        let claim = SocketIORecoveryClaim(pid: "pid-s1", offset: seen)
        #expect(
            texts(log.restore(claim, rooms: ["a", "s1"], now: start)) == [
                #"42["in flight","2"]"#, #"42["everyone","5"]"#, #"42["missed","6"]"#,
            ])
        #expect(log.restore(claim, rooms: ["a", "s1"], now: start) == nil, "a session is recovered once")
    }

    @Test func roomsTheSessionMayNoLongerReadAreNotReplayed() {
        var log = makeLog()
        let seen = broadcast("seen", to: ["a"], in: &log)
        keep("s1", rooms: ["a", "b"], in: &log)
        broadcast("lost", to: ["a"], in: &log)
        broadcast("kept", to: ["b"], in: &log)
        let claim = SocketIORecoveryClaim(pid: "pid-s1", offset: seen)
        #expect(texts(log.restore(claim, rooms: ["b", "s1"], now: start)) == [#"42["kept","3"]"#])
    }

    @Test func anOverflowingSessionCannotBeRecovered() {
        var log = makeLog(.init(window: .seconds(60), maxSessionPackets: 2))
        let seen = broadcast("seen", to: ["a"], in: &log)
        keep("s1", rooms: ["a"], in: &log)
        keep("s2", rooms: ["b"], in: &log)
        for _ in 0..<3 { broadcast("a", to: ["a"], in: &log) }
        #expect(log.recoverable(SocketIORecoveryClaim(pid: "pid-s1", offset: seen), now: start) == nil)
        #expect(log.recoverable(SocketIORecoveryClaim(pid: "pid-s2", offset: seen), now: start)?.sid == "s2")
    }

    @Test func anOffsetOlderThanTheLogOrUnknownCannotBeServed() {
        var log = makeLog(.init(window: .seconds(60), maxLoggedPackets: 1))
        let old = broadcast("old", to: ["a"], in: &log)
        broadcast("one", to: ["a"], in: &log)
        broadcast("two", to: ["a"], in: &log)
        keep("s1", rooms: ["a"], in: &log)
        #expect(log.recoverable(SocketIORecoveryClaim(pid: "pid-s1", offset: old), now: start) == nil, "\"one\" left the log")
        #expect(log.recoverable(SocketIORecoveryClaim(pid: "pid-s1", offset: "99"), now: start) == nil, "never issued")
        #expect(log.recoverable(SocketIORecoveryClaim(pid: "pid-s1", offset: "x1"), now: start) == nil)
        #expect(log.recoverable(SocketIORecoveryClaim(pid: "pid-s1", offset: "2"), now: start)?.sid == "s1")
    }

    @Test func aSessionExpiresWithTheWindow() {
        var log = makeLog(.init(window: .seconds(10)))
        let seen = broadcast("seen", to: ["a"], in: &log)
        keep("s1", rooms: ["a"], in: &log)
        let claim = SocketIORecoveryClaim(pid: "pid-s1", offset: seen)
        #expect(log.recoverable(claim, now: start + .seconds(10)) != nil)
        #expect(log.recoverable(claim, now: start + .seconds(11)) == nil)
        broadcast("later", in: &log, at: .seconds(11))
        #expect(log.sessionCount == 0, "forgotten, not only refused")
    }

    @Test func theOldestSessionsAreForgottenPastTheLimit() {
        var log = makeLog(.init(window: .seconds(60), maxSessions: 2))
        let seen = broadcast("seen", in: &log)
        keep("s1", rooms: [], in: &log)
        keep("s2", rooms: [], in: &log)
        keep("s3", rooms: [], in: &log)
        #expect(log.recoverable(SocketIORecoveryClaim(pid: "pid-s1", offset: seen), now: start) == nil)
        #expect(log.recoverable(SocketIORecoveryClaim(pid: "pid-s3", offset: seen), now: start) != nil)
    }
}
