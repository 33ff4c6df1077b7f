import SocketIO
import Testing

@Suite struct EnginePacketTypeTests {
    @Test func packetTypesAreTheProtocolDigits() {
        #expect(EnginePacketType.allCases.map { String($0.rawValue) } == ["0", "1", "2", "3", "4", "5", "6"])
        #expect(EnginePacketType(rawValue: "4") == .message)
        #expect(EnginePacketType(rawValue: "7") == nil)
    }
}
