import Foundation
import ShowrunnerCore

/// Resolves `${env:NAME}` from the environment and `${file:path}` from a file (relative to the config folder,
/// trailing newline removed). Failures name the reference, never a value.
public struct SecretResolver: Sendable {
    public let configDirectory: URL
    public let environment: [String: String]

    public init(configDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configDirectory = configDirectory
        self.environment = environment
    }

    public func resolve(_ reference: SecretReference) throws(StepFailure) -> String {
        switch reference.source {
        case .env:
            guard let value = environment[reference.name], !value.isEmpty else {
                throw StepFailure(
                    .permanent, "secret \(reference) is not set; export \(reference.name) for showrunner.")
            }
            return value
        case .file:
            let url =
                reference.name.hasPrefix("/")
                ? URL(fileURLWithPath: reference.name) : configDirectory.appendingPathComponent(reference.name)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw StepFailure(.permanent, "secret file \(reference.name) is missing or unreadable.")
            }
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
    }

    /// `text` with every `${…}` reference replaced by its value (for settings such as `api_token`).
    public func resolveAll(in text: String) throws(StepFailure) -> String {
        try Self.resolveAll(in: text) { reference throws(StepFailure) in try resolve(reference) }
    }

    /// `text` with every `${…}` reference replaced through `resolve` (config strings the engine does not render,
    /// such as the account's `voice.api_key`); a malformed reference is reported under `setting` when given.
    public static func resolveAll(
        in text: String, setting: String? = nil, using resolve: SecretReference.Resolver
    ) throws(StepFailure) -> String {
        let references: [SecretReference]
        do { references = try SecretScanner.references(in: text) } catch {
            throw StepFailure(
                .permanent,
                setting.map { "\($0): \(error.description)" }
                    ?? "'\(text.prefix(40))' is not a valid secret reference: \(error.description)")
        }
        var result = text
        for reference in references {
            result = result.replacingOccurrences(of: reference.description, with: try resolve(reference))
        }
        return result
    }
}
