import ParleyCore
import Synchronization

/// Where a live call's signaling goes: its two parties, and once known the socket that placed
/// the call and the socket that answered it. Offers, answers and ICE candidates are relayed
/// only between these, never to anyone else.
final class CallRouter: Sendable {
    struct Route: Sendable {
        var callerId: ObjectId
        var receiverId: ObjectId
        var status: CallStatus
        var callerSocket: String?
        var receiverSocket: String?
    }

    private let routes = Mutex<[ObjectId: Route]>([:])

    /// Follows a call's state; a call that is over is forgotten.
    func update(_ call: VideoCall) {
        routes.withLock { routes in
            guard call.status.isActive else {
                routes[call.id] = nil
                return
            }
            var route = routes[call.id] ?? Route(callerId: call.callerId, receiverId: call.receiverId, status: call.status)
            route.status = call.status
            routes[call.id] = route
        }
    }

    func route(_ callId: ObjectId) -> Route? { routes.withLock { $0[callId] } }

    func bind(callId: ObjectId, socketID: String, asCaller: Bool) {
        routes.withLock { routes in
            if asCaller { routes[callId]?.callerSocket = socketID } else { routes[callId]?.receiverSocket = socketID }
        }
    }

    /// Calls in which this socket took part, when it disconnects.
    func calls(boundTo socketID: String) -> [ObjectId] {
        routes.withLock { routes in routes.filter { $0.value.callerSocket == socketID || $0.value.receiverSocket == socketID }.map(\.key) }
    }
}
