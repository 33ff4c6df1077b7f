import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ParleyServer

/// `parley-server [serve]` runs the server; `parley-server create-admin` creates the first
/// super_admin. Both read the configuration from the environment (see README).
@main
struct ParleyServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-server",
        abstract: "The Parley chat and video-call backend.",
        subcommands: [Serve.self, CreateAdmin.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the HTTP server (the default).")

    func run() async throws {
        let configuration = try loadConfigurationOrExit()
        var logger = makeLogger(configuration)
        logger.logLevel = configuration.logLevel
        let app = try await ApplicationBuilder.build(configuration: configuration, logger: logger) { port in
            let host = configuration.host == "0.0.0.0" ? "localhost" : configuration.host
            // Written straight to the file handle: print() is buffered when stdout is a pipe.
            FileHandle.standardOutput.write(Data("Parley is listening on http://\(host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin", abstract: "Create the first super_admin in the configured store.")

    @Option(help: "Username of the new super_admin.") var username: String
    @Option(help: "Email of the new super_admin.") var email: String
    @Option(help: "Password of the new super_admin (at least 6 characters).") var password: String

    func run() async throws {
        let configuration = try loadConfigurationOrExit()
        var logger = makeLogger(configuration)
        logger.logLevel = configuration.logLevel
        do {
            switch try await AdminCommand.createAdmin(
                AdminAccount(username: username, email: email, password: password), configuration: configuration, logger: logger)
            {
            case .created(let name): print("Created super_admin \(name).")
            case .alreadyPresent: print("A super_admin already exists; nothing was created.")
            }
        } catch {
            printError("create-admin failed: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Reads the environment; a bad setting prints one line naming the variable and exits 1.
func loadConfigurationOrExit() throws -> AppConfiguration {
    do {
        return try AppConfiguration.load()
    } catch let error as ConfigurationError {
        printError(error.description)
        throw ExitCode.failure
    }
}

/// The logger of the process, in the `LOG_FORMAT` asked for; handed down, never bootstrapped
/// globally.
func makeLogger(_ configuration: AppConfiguration) -> Logger {
    switch configuration.logFormat {
    case .text: Logger(label: "parley")
    case .json: Logger(label: "parley", factory: JSONLogHandler.standardError)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
