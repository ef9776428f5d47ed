import ArgumentParser
import Foundation
import ShowrunnerConfig

/// `showrunner schema [account|pipeline|settings]`: the JSON Schema of a config file, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of an account, pipeline or showrunner.yaml file.",
        discussion:
            "For editors with yaml-language-server: save it, e.g. `showrunner schema account > .schema/account.json`, "
            + "and start the YAML file with `# yaml-language-server: $schema=../.schema/account.json`."
    )

    @Argument(help: "account, pipeline or settings (default: account).")
    var kind: String = "account"

    func validate() throws {
        if ConfigSchema.Kind(rawValue: kind) == nil {
            throw ValidationError("the schema is one of account, pipeline, settings.")
        }
    }

    func run() throws {
        let kind = ConfigSchema.Kind(rawValue: kind) ?? .account
        let mismatches = ConfigSchema.mismatches(kind)
        guard mismatches.isEmpty else {
            throw CommandFailure("the schema is out of step with the decoder: " + mismatches.joined(separator: "; "))
        }
        print(ConfigSchema.json(kind))
    }
}
