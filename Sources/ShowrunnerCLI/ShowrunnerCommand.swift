import ArgumentParser
import Foundation

/// The `showrunner` command: YouTube channels on autopilot from a folder of YAML.
public struct ShowrunnerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "showrunner",
        abstract: "Run YouTube channels on autopilot from a folder of YAML.",
        subcommands: [ValidateCommand.self, NextCommand.self, InitCommand.self]
    )

    public init() {}

    /// Parses the arguments and runs the command; usage errors exit 2 (not ArgumentParser's 64).
    public static func runAsMain(_ arguments: [String]? = nil) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
