import Foundation

/// A date as the seed files keep it: Extended JSON v2 relaxed `{"$date": "2024-01-01T00:00:00.000Z"}`.
/// The milliseconds may be left out; a plain ISO-8601 string is accepted too.
struct ExtendedJSONDate: Decodable, Sendable {
    let value: Date

    private enum CodingKeys: String, CodingKey {
        case date = "$date"
    }

    private static let withMilliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let withoutMilliseconds = Date.ISO8601FormatStyle(timeZone: .gmt)

    init(from decoder: any Decoder) throws {
        let text: String
        if let container = try? decoder.container(keyedBy: CodingKeys.self) {
            text = try container.decode(String.self, forKey: .date)
        } else {
            text = try decoder.singleValueContainer().decode(String.self)
        }
        guard let date = (try? Self.withMilliseconds.parse(text)) ?? (try? Self.withoutMilliseconds.parse(text)) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not an ISO-8601 date: \(text)"))
        }
        value = date
    }
}
