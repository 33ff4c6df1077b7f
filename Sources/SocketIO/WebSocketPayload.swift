/// One whole WebSocket message (fragments already joined): text or binary bytes. That is
/// exactly what an encoded Engine.IO frame is, so the two are one type and a session's queued
/// frames go to the socket without being copied into another shape.
public typealias WebSocketPayload = EngineFrame
