import Foundation
import Logging
import Testing
@testable import ParleyServer

@Suite("create-admin")
struct AdminCommandTests {
    @Test func createsTheFirstSuperAdminOnceAndItCanSignIn() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-admin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = TestApp.configuration(folder: folder)
        configuration.admin = nil
        let logger = Logger(label: "admin-test")
        let admin = AdminAccount(username: "chief", email: "Chief@Example.com", password: "chief-password")

        #expect(try await AdminCommand.createAdmin(admin, configuration: configuration, logger: logger) == .created(username: "chief"))
        let second = AdminAccount(username: "deputy", email: "deputy@example.com", password: "deputy-password")
        #expect(try await AdminCommand.createAdmin(second, configuration: configuration, logger: logger) == .alreadyPresent)
        await #expect(throws: (any Error).self) {
            let weak = AdminAccount(username: "x", email: "bad", password: "1")
            var empty = configuration
            empty.store = .sqlite(path: folder.appendingPathComponent("other.sqlite").path)
            _ = try await AdminCommand.createAdmin(weak, configuration: empty, logger: logger)
        }

        // The same store, served: the admin signs in and holds super_admin.
        var logger2 = Logger(label: "admin-test-app")
        logger2.logLevel = .warning
        let app = try await ApplicationBuilder.build(configuration: configuration, logger: logger2)
        try await app.test(.live) { client in
            let api = APIClient(client: client)
            let login = try await api.login("chief@example.com", password: "chief-password")
            #expect(login.status == 200)
            #expect((login.data["user"] as? [String: Any])?["roles"] as? [String] == ["super_admin"])
            #expect(try await api.login("deputy", password: "deputy-password").status == 401)
        }
        await TestStore.discard(configuration.store)
    }
}
