import ArgumentParser
import Foundation
import Logging
import ParleyServer

/// `clear-database --yes [--uploads] [--force-production]`: removes all of Parley's data from
/// the store the server would use (same environment variables), and the uploaded files with
/// `--uploads`. Refuses without `--yes`, and in production without `--force-production`.
@main
struct ClearDatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear-database", abstract: "Remove every record of the configured store (and uploads with --uploads).")

    @Flag(help: "Confirm: remove everything.") var yes = false
    @Flag(help: "Also remove the uploaded files (the upload folder's .gitkeep files stay).") var uploads = false
    @Flag(help: "Clear even when PARLEY_ENV (or NODE_ENV) is production.") var forceProduction = false

    func run() async throws {
        // Checked before the configuration is read: a refusal must not depend on the rest being valid.
        if let refusal = ClearRefusal.check(
            confirmed: yes, forceProduction: forceProduction, environment: ProcessInfo.processInfo.environment)
        {
            printError("clear-database: \(refusal)")
            throw ExitCode.failure
        }
        let configuration: AppConfiguration
        do {
            configuration = try AppConfiguration.load()
        } catch let error as ConfigurationError {
            printError(error.description)
            throw ExitCode.failure
        }
        var logger = Logger(label: "parley-clear")
        logger.logLevel = configuration.logLevel
        let lines = try await ClearCommand.run(includingUploads: uploads, configuration: configuration, logger: logger)
        for line in lines { print(line) }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
