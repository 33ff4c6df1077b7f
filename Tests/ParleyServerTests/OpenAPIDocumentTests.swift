import Foundation
import Hummingbird
import Logging
import NIOPosix
import OpenAPIKit
import SocketIO
import Testing
@testable import ParleyServer

/// The OpenAPI document (`Sources/ParleyServer/Resources/openapi.json`) against the routes the
/// real router registers: a route added in code but not described, or described but not
/// registered, fails here with the exact list of differences.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// Not REST, so not in the document: Engine.IO/Socket.IO long-polling and the PeerJS server.
    static let notREST = ["/socket.io", "/peerjs"]

    @Test func servedDocumentIsTheBundledOneAsJSONWithoutAToken() async throws {
        let bundled = try OpenAPIDocument.bundled()
        try await TestApp.run { api in
            let response = try await api.send(.get, "/api/openapi.json")
            #expect(response.status == 200)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(response.json["openapi"] as? String == "3.1.0")
            #expect(response.text == String(buffer: bundled.json))
        }
    }

    @Test func documentNamesExactlyTheRegisteredRoutes() async throws {
        let registered = try await Self.registeredRoutes()
        let documented = try Self.documentedRoutes(try OpenAPIDocument.bundled())
        let undocumented = registered.subtracting(documented).sorted()
        let unregistered = documented.subtracting(registered).sorted()
        if !undocumented.isEmpty || !unregistered.isEmpty {
            // Printed whole, so a failing run says exactly what to add or remove.
            print("OpenAPI drift: registered but not in openapi.json: \(undocumented)")
            print("OpenAPI drift: in openapi.json but not registered: \(unregistered)")
        }
        #expect(undocumented.isEmpty, "registered but missing from openapi.json: \(undocumented)")
        #expect(unregistered.isEmpty, "in openapi.json but not registered: \(unregistered)")
        #expect(registered.count > 150, "the router lists \(registered.count) REST routes")
    }

    /// OpenAPIKit reads it as an OpenAPI 3.1 document and its validations pass: unique operation
    /// ids, every path parameter declared, every `$ref` resolvable, at least one response each.
    @Test func openAPIKitDecodesAndValidatesTheDocument() throws {
        let bundled = try OpenAPIDocument.bundled()
        let document = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(bundled.json.readableBytesView))
        #expect(document.openAPIVersion == .v3_1_0)
        try document.validate()
        #expect(document.components.securitySchemes["bearerAuth"] != nil)
        #expect(document.paths.count > 120)
    }

    @Test func everyOperationDeclaresItsSecurityAndAnErrorAnswer() throws {
        let document = try Self.json(try OpenAPIDocument.bundled())
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for (path, item) in paths {
            for (method, value) in item {
                let operation = try #require(value as? [String: Any])
                let security = operation["security"] as? [[String: [String]]]
                #expect(security != nil, "\(method) \(path) has no security list")
                let responses = try #require(operation["responses"] as? [String: Any])
                #expect(responses["400"] != nil || responses["404"] != nil, "\(method) \(path) documents no error")
            }
        }
    }

    /// `METHOD /path/{name}` for every route of the real router, `:name` and `**` (as `{path}`)
    /// written the OpenAPI way; the not-REST prefixes are left out.
    static func registeredRoutes() async throws -> Set<String> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-openapi-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = TestApp.configuration(folder: folder)
        let logger = Logger(label: "parley-openapi-test")
        let store = try await StoreFactory.open(configuration.store, logger: logger)
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let services = await AppServices(configuration: configuration, store: store, threadPool: threadPool, logger: logger)
        let metrics = AppMetrics()
        let uploads = try ApplicationBuilder.uploadService(
            configuration: configuration, services: services, threadPool: threadPool, metrics: metrics, logger: logger)
        let router = try RouterBuilder.build(
            configuration: configuration, services: services, realtime: SocketIOServer(configuration: SocketIOConfiguration()), uploads: uploads,
            metrics: metrics, readiness: [])
        let routes = router.routes.map { route in
            let path = route.path.components.map { component -> String in
                let text = component.description
                if text == "**" { return "{path}" }
                if text.hasPrefix(":") { return "{\(text.dropFirst())}" }
                return text
            }
            return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
        }
        try await store.close()
        try await threadPool.shutdownGracefully()
        await TestStore.discard(configuration.store)
        return Set(routes.filter { route in !notREST.contains { route.split(separator: " ")[1].hasPrefix($0) } })
    }

    static func documentedRoutes(_ document: OpenAPIDocument) throws -> Set<String> {
        let paths = try #require(try json(document)["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, item in item.keys.map { "\($0.uppercased()) \(path)" } })
    }

    static func json(_ document: OpenAPIDocument) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(document.json.readableBytesView)) as? [String: Any])
    }
}
