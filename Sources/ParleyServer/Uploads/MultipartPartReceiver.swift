import Foundation
import NIOCore
import ParleyCore

/// Acts on the parser's events for one request: opens a temporary file when a file part of
/// the expected field starts, writes its body in batches, and counts files and bytes against
/// the form's limits.
struct MultipartPartReceiver {
    /// Writes are batched to this size, so a large file costs a few hundred thread-pool hops
    /// rather than one per network chunk.
    static let batchBytes = 256 * 1024

    private enum Part {
        case file(TemporaryFile, originalName: String, size: Int, batch: ByteBuffer)
        /// A plain form field or an empty file input: read past and ignored.
        case ignored
    }

    let folder: UploadFolder
    let form: UploadForm
    private var headers: [(String, String)] = []
    private var current: Part?
    private var received: [ReceivedFile] = []

    init(folder: UploadFolder, form: UploadForm) {
        self.folder = folder
        self.form = form
    }

    mutating func handle(_ event: MultipartEvents.Event) async throws {
        switch event {
        case .header(let name, let value):
            headers.append((name, value))
        case .body(let buffer):
            if current == nil { current = try await start() }
            try await append(buffer)
        case .partComplete:
            if current == nil { current = try await start() }
            try await complete()
        }
    }

    /// The received files; a body that ended inside a part is malformed.
    func finish() throws -> [ReceivedFile] {
        guard current == nil else { throw DomainError.validation("Malformed multipart body") }
        return received
    }

    /// Removes every temporary file of the request (after a refusal or a failure).
    mutating func discard() async {
        var paths = received.map(\.path)
        if case .file(let file, _, _, _) = current {
            await file.finish(threadPool: folder.threadPool)
            paths.append(file.path)
        }
        current = nil
        received = []
        await folder.remove(paths)
    }

    private mutating func start() async throws -> Part {
        let disposition = headers.first { $0.0.lowercased() == "content-disposition" }.map { ContentDisposition($0.1) }
        guard let disposition, disposition.name != nil else { throw DomainError.validation("Malformed multipart body") }
        // A form's file input left empty is sent with an empty file name: there is no file.
        guard let filename = disposition.filename, !filename.isEmpty else { return .ignored }
        guard disposition.name == form.field else { throw DomainError.validation("Unexpected field name.") }
        guard received.count < form.maxFiles else { throw UploadLimits.tooManyFiles(form.maxFiles) }
        let file = try await folder.createTemporaryFile()
        return .file(file, originalName: Self.displayName(filename), size: 0, batch: ByteBuffer())
    }

    private mutating func append(_ buffer: ByteBuffer) async throws {
        guard case .file(let file, let name, var size, var batch) = current else { return }
        size += buffer.readableBytes
        guard size <= form.maxFileBytes else { throw UploadLimits.fileTooLarge(form.maxFileBytes) }
        var buffer = buffer
        batch.writeBuffer(&buffer)
        if batch.readableBytes >= Self.batchBytes {
            try await file.append(batch, threadPool: folder.threadPool)
            batch.clear()
        }
        current = .file(file, originalName: name, size: size, batch: batch)
    }

    private mutating func complete() async throws {
        if case .file(let file, let name, let size, let batch) = current {
            try await file.append(batch, threadPool: folder.threadPool)
            await file.finish(threadPool: folder.threadPool)
            received.append(ReceivedFile(originalName: name, path: file.path, size: size))
        }
        current = nil
        headers = []
    }

    /// The client's file name for display: without any folders (browsers on Windows once
    /// sent full paths), without control characters, and at most 255 characters.
    static func displayName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
        return String(clean.prefix(255))
    }
}
