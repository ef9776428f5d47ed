import ArgumentParser
import Foundation

/// `--config DIR` and `--state DIR`, shared by every command.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The config folder (default: $SHOWRUNNER_CONFIG, else the current directory).")
    var config: String?

    @Option(name: .long, help: "The state folder (default: state_dir from showrunner.yaml, else ./state).")
    var state: String?

    var configDirectory: String {
        config ?? ProcessInfo.processInfo.environment["SHOWRUNNER_CONFIG"] ?? "."
    }

    /// How a config-relative path is shown: prefixed by the config folder unless it is the current directory.
    func displayPath(_ relative: String) -> String {
        let base = configDirectory
        if base == "." || base == "./" || base.isEmpty { return relative }
        return (base.hasSuffix("/") ? base : base + "/") + relative
    }
}

/// `--format text|json|github`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
