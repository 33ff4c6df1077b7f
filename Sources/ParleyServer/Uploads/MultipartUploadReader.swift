import Hummingbird
import NIOCore
import ParleyCore

/// Streams a `multipart/form-data` body to temporary files, enforcing the limits as bytes
/// arrive: the whole body, each file, and the number of files. Nothing is held in memory
/// beyond one chunk; on any failure every temporary file of the request is removed.
struct MultipartUploadReader: Sendable {
    let folder: UploadFolder
    let limits: UploadLimits

    /// The files of the form's field. A request that is not multipart has none (the route then
    /// answers "No … provided", as the old server did).
    func read(_ request: Request, accepting form: UploadForm) async throws -> [ReceivedFile] {
        guard let boundary = Self.boundary(in: request.headers[.contentType]) else { return [] }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limits.requestBytes {
            throw UploadLimits.requestTooLarge(limits.requestBytes)
        }
        let events = MultipartEvents(boundary: boundary)
        var receiver = MultipartPartReceiver(folder: folder, form: form)
        do {
            var total = 0
            var body = request.body.makeAsyncIterator()
            while let chunk = try await Self.next(of: &body) {
                total += chunk.readableBytes
                guard total <= limits.requestBytes else { throw UploadLimits.requestTooLarge(limits.requestBytes) }
                let parsed: [MultipartEvents.Event]
                do {
                    parsed = try events.parse(chunk)
                } catch {
                    throw DomainError.validation("Malformed multipart body")
                }
                for event in parsed { try await receiver.handle(event) }
            }
            return try receiver.finish()
        } catch {
            await receiver.discard()
            throw error
        }
    }

    /// The next chunk of the body. A failure to read it (a reset or a close mid-body) means
    /// the client went away: that is not a fault of the server, and is reported as such.
    private static func next(of body: inout RequestBody.AsyncIterator) async throws -> ByteBuffer? {
        do {
            return try await body.next()
        } catch let error as HTTPError {
            throw error
        } catch {
            throw RequestAborted(what: "upload", reason: String(describing: error))
        }
    }

    /// The boundary of a `multipart/form-data` content type, unquoted.
    static func boundary(in contentType: String?) -> String? {
        guard let contentType else { return nil }
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = piece.dropFirst("boundary=".count)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
            // RFC 2046: 1 to 70 characters.
            return (1...70).contains(value.count) ? String(value) : nil
        }
        return nil
    }
}
