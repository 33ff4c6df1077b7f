/// A file part of a multipart body, written to the temporary folder and not yet checked.
struct ReceivedFile: Sendable {
    /// Display only: the client's name with any folders removed.
    let originalName: String
    /// The temporary file; removed once the upload is stored or refused.
    let path: String
    let size: Int
}
