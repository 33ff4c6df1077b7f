import Foundation
import Hummingbird
import NIOCore

/// Serves one file's bytes, read once at start-up, as `application/json`. `scripts/bench` gives
/// it a history page it fetched, so that the page's cost through the same router, middleware
/// and HTTP server — with no authentication, store read or encoding — is measured next to the
/// real history page: what is left between the two is Parley's own work.
struct StaticPageController: Sendable {
    let body: ByteBuffer

    init(file: String) throws {
        body = ByteBuffer(data: try Data(contentsOf: URL(fileURLWithPath: file)))
    }

    func page(_ request: Request, context: AppRequestContext) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes)],
            body: ResponseBody(byteBuffer: body))
    }
}
