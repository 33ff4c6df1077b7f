import Foundation
import Testing
@testable import ParleyServer

/// `UPLOAD_STORAGE` and `NODE_ID`, the settings a node of a cluster needs.
@Suite("Cluster settings from the environment")
struct ClusterConfigurationTests {
    let secrets = ["JWT_SECRET": "cluster-access-secret-0123456789abcdef", "JWT_REFRESH_SECRET": "cluster-refresh-secret-0123456789abcdef"]

    func load(_ extra: [String: String]) throws -> AppConfiguration {
        try AppConfiguration.load(from: secrets.merging(extra) { $1 })
    }

    @Test func uploadStorageDefaultsToGridFSOnMongoDBAndTheDiskOnSQLite() throws {
        #expect(try load(["DATABASE_URL": "mongodb://127.0.0.1:1/parley"]).uploadStorage == .gridfs)
        #expect(try load(["DATABASE_URL": "sqlite:/tmp/parley-cluster-config/p.sqlite"]).uploadStorage == .disk)
        #expect(try load(["DATABASE_URL": "mongodb://127.0.0.1:1/parley", "UPLOAD_STORAGE": "disk"]).uploadStorage == .disk)
        #expect(try load(["DATABASE_URL": "mongodb://127.0.0.1:1/parley", "UPLOAD_STORAGE": "GridFS"]).uploadStorage == .gridfs)
    }

    @Test func gridFSOnSQLiteAndUnknownStoragesStopStartUp() throws {
        #expect(throws: ConfigurationError.self) {
            _ = try load(["DATABASE_URL": "sqlite:/tmp/parley-cluster-config/p.sqlite", "UPLOAD_STORAGE": "gridfs"])
        }
        do {
            _ = try load(["DATABASE_URL": "mongodb://127.0.0.1:1/parley", "UPLOAD_STORAGE": "s3"])
            Issue.record("s3 was accepted")
        } catch let error as ConfigurationError {
            #expect(error.variable == "UPLOAD_STORAGE")
            #expect(error.description.contains("gridfs or disk"))
        }
    }

    @Test func nodeIDIsCheckedOrGenerated() throws {
        let mongo = ["DATABASE_URL": "mongodb://127.0.0.1:1/parley"]
        #expect(try load(mongo.merging(["NODE_ID": "eu-west_1"]) { $1 }).nodeID == "eu-west_1")
        let generated = try load(mongo).nodeID
        #expect(generated.count == 8 && generated.allSatisfy(\.isHexDigit))
        for bad in ["node.1", "node 1", String(repeating: "n", count: 33), "nœud", "a/b"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { _ = try load(mongo.merging(["NODE_ID": bad]) { $1 }) }
        }
    }
}
