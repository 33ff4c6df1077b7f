import Hummingbird
import Logging
import SocketIO

/// The PeerJS server on its own port (9000 by default, where the Angular client looks), as
/// an application run beside the main one.
enum PeerServerListener {
    static func application(
        peers: PeerSignalingServer, host: String, port: Int, protection: HTTPServerProtection, logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        // PeerJS answers any origin ({origin: true}); nothing here carries credentials.
        router.add(middleware: CORSMiddleware(allowOrigin: .originBased))
        PeerServerRoutes.add(to: router)
        return Application(
            router: router,
            server: RealtimeUpgrader(engine: nil, peers: peers).serverBuilder(maxFrameSize: 256 * 1024, protection: protection),
            configuration: .init(address: .hostname(host, port: port), serverName: "Parley PeerJS"), logger: logger)
    }
}
