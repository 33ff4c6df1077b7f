import Foundation
import Testing

@testable import ParleyServer

/// `GET /api/admin/stats`: the counts, and the figures the admin dashboard draws as bars.
@Suite("Admin system stats")
struct AdminStatsTests {
    @Test func statsCarryRealMemoryCPUDiskAndConnectionFigures() async throws {
        try await TestApp.run { api in
            let gateway = try await GatewayWorld.make(api)
            let world = gateway.world
            let sockets = [try await gateway.connect(world.member), try await gateway.connect(world.spare)]
            let (uploaded, sent) = try await api.uploadImage(
                "/api/upload/image", field: "image", token: world.member.accessToken, format: "png", width: 64, height: 48)
            #expect(uploaded.data["imageUrl"] is String, "\(uploaded.text)")

            let stats = try await api.send(.get, "/api/admin/stats", token: world.root.accessToken)
            #expect(stats.status == 200, "\(stats.text)")
            let data = stats.data
            #expect(((data["users"] as? [String: Any])?["total"] as? Int ?? 0) >= 5, "the counts stay")
            #expect(data["messages"] is [String: Any] && data["groups"] is [String: Any] && data["channels"] is [String: Any])

            #expect(data["activeConnections"] as? Int == 2, "\(data)")
            for field in ["memoryUsage", "cpuUsage", "diskUsage"] {
                let percent = try #require(data[field] as? Double, "\(field) in \(data)")
                #expect((0...100).contains(percent), "\(field) = \(percent)")
            }
            #expect((data["diskUsage"] as? Double ?? 0) > 0, "a file system holding files is not empty")
            #expect(data["serverUptime"] is String)

            let memory = try #require(data["memory"] as? [String: Any])
            #expect((memory["rss"] as? Int ?? 0) > 0)
            #expect((memory["heapUsed"] as? Int ?? 0) > 0)
            #expect((memory["heapTotal"] as? Int ?? 0) >= (memory["heapUsed"] as? Int ?? 0))
            let cpu = try #require(data["cpu"] as? [String: Any])
            #expect((cpu["user"] as? Int ?? 0) + (cpu["system"] as? Int ?? 0) > 0, "serving these requests took CPU time")

            let disk = try #require(data["disk"] as? [String: Any])
            let uploads = try #require(disk["uploads"] as? [String: Any])
            #expect((uploads["bytes"] as? Int ?? 0) >= sent.count, "\(uploads)")
            let storedFiles = try #require(uploads["files"] as? Int)
            #expect(storedFiles >= 1)
            if TestStore.mongoURL == nil {
                // The SQLite file lives in the data folder.
                let dataFolder = try #require(disk["data"] as? [String: Any])
                #expect((dataFolder["bytes"] as? Int ?? 0) > 0)
                #expect(((dataFolder["fileSystem"] as? [String: Any])?["total"] as? Int ?? 0) > 0)
            } else {
                // MongoDB keeps its data on its own server: no local folder to measure.
                #expect(disk["data"] is NSNull, "\(disk)")
            }
            let storage = try #require(data["storage"] as? [String: Any])
            #expect(storage["totalFiles"] as? Int == storedFiles)
            #expect(storage["totalSize"] as? Int == uploads["bytes"] as? Int)

            // The server's own figures are the super_admin's; a group_admin gets the counts.
            let scoped = try await api.send(.get, "/api/admin/stats", token: world.groupAdmin.accessToken)
            #expect(scoped.status == 200)
            #expect(scoped.data["users"] is [String: Any])
            for field in ["memoryUsage", "cpuUsage", "diskUsage", "activeConnections", "memory", "disk"] {
                #expect(scoped.data[field] is NSNull, "\(field) in \(scoped.text)")
            }
            for socket in sockets { await socket.close() }
        }
    }

    @Test func processMemoryReadsTheKernelsStatusLines() {
        let memory = ProcessMemory.parse("Name:\tparley\nVmSize:\t  204800 kB\nVmHWM:\t   40960 kB\nVmRSS:\t   30720 kB\nVmData:\t  102400 kB\nRssAnon:\t   20480 kB\n")
        #expect(memory == ProcessMemory(rss: 30_720 * 1024, heapTotal: 102_400 * 1024, heapUsed: 20_480 * 1024, peakRss: 40_960 * 1024, virtualSize: 204_800 * 1024))
        #expect(ProcessMemory.read().rss > 0)
    }
}
