/// The client went away while its request body was still arriving (a connection reset or a
/// close mid-body). Nothing is wrong with the server and nobody is left to read an answer, so
/// it is logged as what it is rather than as an unhandled error.
struct RequestAborted: Error {
    /// What was being received, for the log line: "upload".
    let what: String
    /// The transport's own words (e.g. "Connection reset by peer").
    let reason: String
}
