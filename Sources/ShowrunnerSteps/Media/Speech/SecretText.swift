import Foundation
import ShowrunnerCore

/// Resolves the secret references (`${env:NAME}`, `${file:path}`) in a config string that the engine does not
/// resolve because it is not a `with:` input (the account's `voice.api_key`). Failures name the reference, never
/// a value.
public enum SecretText {
    /// Looks up one reference (the engine's `resolveSecret` has this shape).
    public typealias Resolver = @Sendable (SecretReference) throws(StepFailure) -> String

    /// `text` with each reference replaced by its value.
    static func resolve(_ text: String, using resolver: Resolver) throws(StepFailure) -> String {
        let references: [SecretReference]
        do {
            references = try SecretScanner.references(in: text)
        } catch {
            throw StepFailure(.permanent, "the voice api_key is not a valid secret reference: \(error)")
        }
        var resolved = text
        for reference in references {
            resolved = resolved.replacingOccurrences(
                of: reference.description, with: try resolver(reference))
        }
        return resolved
    }

    /// The default when no resolver is given: the process environment for `${env:NAME}`, files for
    /// `${file:path}` relative to `configDirectory` (trailing newline removed).
    static func environmentAndFiles(configDirectory: URL) -> Resolver {
        { reference throws(StepFailure) in try resolve(reference, configDirectory: configDirectory) }
    }

    private static func resolve(_ reference: SecretReference, configDirectory: URL) throws(StepFailure) -> String {
        switch reference.source {
        case .env:
            guard let value = ProcessInfo.processInfo.environment[reference.name], !value.isEmpty else {
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
}
