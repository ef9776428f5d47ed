import ArgumentParser
import Foundation
import Logging

/// The `showrunner` command: YouTube channels on autopilot from a folder of YAML.
public struct ShowrunnerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "showrunner",
        abstract: "Run YouTube channels on autopilot from a folder of YAML.",
        version: BuildInfo.line,
        subcommands: [
            ValidateCommand.self, NextCommand.self, TriggerCommand.self, HistoryCommand.self, ShowCommand.self,
            RetryCommand.self, RunCommand.self, InitCommand.self, AuthCommand.self, NodesCommand.self,
            StoreCommand.self, SchemaCommand.self, ImportCommand.self, DoctorCommand.self, DiskCommand.self,
        ]
    )

    public init() {}

    /// Parses the arguments and runs the command; usage errors exit 2 (not ArgumentParser's 64).
    public static func runAsMain(_ arguments: [String]? = nil) async {
        bootstrapLogging()
        signal(SIGPIPE, SIG_IGN)  // a child that exits without reading its stdin must not kill us
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            printError("error: \(failure.message)")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// Logs go to stderr; `SHOWRUNNER_LOG_LEVEL` (trace…critical) sets the level, default `info` for the daemon and
    /// `warning` for the other commands; the format (text or JSON lines) follows `log.format` once the daemon read it.
    static func bootstrapLogging() {
        let daemon = CommandLine.arguments.dropFirst().first == "run"
        let name = ProcessInfo.processInfo.environment["SHOWRUNNER_LOG_LEVEL"] ?? (daemon ? "info" : "warning")
        let level = Logger.Level(rawValue: name.lowercased()) ?? .warning
        LoggingSystem.bootstrap { label in SwitchableLogHandler(label: label, level: level) }
    }
}
