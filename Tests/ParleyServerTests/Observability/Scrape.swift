import Foundation

/// A `/metrics` answer parsed into series: name, labels, value.
struct Scrape: Sendable {
    struct Series: Sendable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    let series: [Series]
    let text: String

    init(_ text: String) {
        self.text = text
        var series: [Series] = []
        let labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            let key = line[..<space]
            var labels: [String: String] = [:]
            let name: Substring
            if let brace = key.firstIndex(of: "{") {
                name = key[..<brace]
                for match in key[brace...].matches(of: labelPattern) { labels[String(match.1)] = String(match.2) }
            } else {
                name = key
            }
            series.append(Series(name: String(name), labels: labels, value: value))
        }
        self.series = series
    }

    /// The sum over the series called `name` that carry every label in `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        series.filter { entry in entry.name == name && labels.allSatisfy { entry.labels[$0.key] == $0.value } }.reduce(0) { $0 + $1.value }
    }

    static func fetch(_ api: APIClient, token: String? = nil) async throws -> Scrape {
        let response = try await api.send(.get, "/metrics", token: token)
        guard response.status == 200 else { throw TestFailure("GET /metrics: \(response.status) \(response.text)") }
        return Scrape(response.text)
    }
}
