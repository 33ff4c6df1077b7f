/// The server's usage in `GET /api/admin/stats`, written into the same object as the counts.
/// The admin dashboard reads `memoryUsage`, `cpuUsage` and `diskUsage` as percentages (it
/// draws them as bars of that width), `activeConnections` as a count and `serverUptime` as
/// text (`uptimeSeconds` as a number); `memory`, `cpu`, `disk` and `storage` hold the figures
/// behind them (bytes, and CPU time in microseconds as Node's `process.cpuUsage()` gives it).
/// For a caller who may not see them every one of these fields is null.
struct SystemUsageView: Encodable, Sendable {
    struct Memory: Encodable, Sendable {
        let rss: Int
        let heapTotal: Int
        let heapUsed: Int
        let peakRss: Int
        let virtualSize: Int
        let machineTotal: Int
    }

    struct CPU: Encodable, Sendable {
        let user: Int
        let system: Int
        let cores: Int
    }

    /// `{bytes, files, fileSystem: {total, free, available}}` for each folder.
    struct Disk: Encodable, Sendable {
        let data: FolderUsage?
        let uploads: FolderUsage

        /// `data` stays in the object as null on MongoDB, so the shape is the same on both engines.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(data, forKey: .data)
            try container.encode(uploads, forKey: .uploads)
        }

        enum CodingKeys: String, CodingKey { case data, uploads }
    }

    /// The old server's `storage` object, now the files under the upload folder.
    struct Storage: Encodable, Sendable {
        let totalFiles: Int
        let totalSize: Int
    }

    let usage: SystemUsage?

    enum CodingKeys: String, CodingKey {
        case memoryUsage, cpuUsage, diskUsage, activeConnections, serverUptime, uptimeSeconds, memory, cpu, disk, storage
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        guard let usage else {
            for key in [CodingKeys.memoryUsage, .cpuUsage, .diskUsage, .activeConnections, .serverUptime, .uptimeSeconds, .memory, .cpu, .disk, .storage] {
                try container.encodeNil(forKey: key)
            }
            return
        }
        let uptime = Int(usage.cpu.uptime.components.seconds)
        try container.encode(Self.rounded(usage.memoryPercent), forKey: .memoryUsage)
        try container.encode(Self.rounded(usage.cpu.percent), forKey: .cpuUsage)
        try container.encode(Self.rounded(usage.diskPercent), forKey: .diskUsage)
        try container.encode(usage.openConnections, forKey: .activeConnections)
        try container.encode(Self.uptimeText(seconds: uptime), forKey: .serverUptime)
        try container.encode(uptime, forKey: .uptimeSeconds)
        let memory = usage.memory
        try container.encode(
            Memory(
                rss: memory.rss, heapTotal: memory.heapTotal, heapUsed: memory.heapUsed, peakRss: memory.peakRss,
                virtualSize: memory.virtualSize, machineTotal: usage.machineMemory),
            forKey: .memory)
        try container.encode(CPU(user: usage.cpu.time.user, system: usage.cpu.time.system, cores: usage.cpu.cores), forKey: .cpu)
        try container.encode(Disk(data: usage.data, uploads: usage.uploads), forKey: .disk)
        try container.encode(Storage(totalFiles: usage.uploads.files, totalSize: usage.uploads.bytes), forKey: .storage)
    }

    /// Two decimals: enough for a small process on a large machine to show above zero.
    static func rounded(_ percent: Double) -> Double {
        (percent * 100).rounded() / 100
    }

    /// `3d 4h 5m`, or `4h 5m` under a day.
    static func uptimeText(seconds: Int) -> String {
        let days = seconds / 86_400
        let hours = seconds % 86_400 / 3_600
        let minutes = seconds % 3_600 / 60
        return days > 0 ? "\(days)d \(hours)h \(minutes)m" : "\(hours)h \(minutes)m"
    }
}
