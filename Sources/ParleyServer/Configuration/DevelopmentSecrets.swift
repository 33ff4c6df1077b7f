import Foundation

/// Outside production, a missing JWT secret is generated once and kept in the data folder
/// (readable by the owner only), so tokens survive restarts without a secret in the code.
enum DevelopmentSecrets {
    static let fileName = "jwt-secrets.json"

    struct Pair: Codable {
        var access: String
        var refresh: String
    }

    static func loadOrCreate(in folder: String) throws -> Pair {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(fileName)
        if let data = try? Data(contentsOf: url), let pair = try? JSONDecoder().decode(Pair.self, from: data),
            pair.access.count >= 32, pair.refresh.count >= 32
        {
            return pair
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pair = Pair(access: randomSecret(), refresh: randomSecret())
        try JSONEncoder().encode(pair).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return pair
    }

    /// 48 random bytes, hex encoded.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<48).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
