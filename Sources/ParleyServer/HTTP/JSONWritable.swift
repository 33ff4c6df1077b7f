/// A view that writes itself with `JSONWriter`, exactly as its `Encodable` conformance would
/// encode it. `Envelope` and the socket payloads take this path when their data has it.
protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.openArray()
        for element in self {
            writer.element()
            element.write(to: &writer)
        }
        writer.closeArray()
    }
}
