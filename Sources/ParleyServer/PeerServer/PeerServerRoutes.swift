import Foundation
import Hummingbird

/// The PeerJS HTTP routes under `/peerjs`: the info document, fresh ids, and the peer list,
/// which is off (it would publish every online peer id, and with it user ids).
enum PeerServerRoutes {
    static func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("peerjs") { _, _ -> Response in
            let info = #"{"name":"PeerJS Server","description":"A server side element to broker connections between PeerJS clients.","website":"https://peerjs.com/"}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: info)))
        }
        router.get("peerjs/:key/id") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: .init(string: UUID().uuidString.lowercased())))
        }
        router.get("peerjs/:key/peers") { _, _ -> Response in
            Response(
                status: .unauthorized, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: .init(string: #"{"success":false,"status":"error","message":"Listing peers is off","code":"UNAUTHORIZED","statusCode":401}"#)))
        }
    }
}
