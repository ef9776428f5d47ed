/// `${env:NAME}` or `${file:path}` inside a config string: resolved only when a step runs, never stored or logged.
public struct SecretReference: Sendable, Hashable, CustomStringConvertible {
    public enum Source: String, Sendable, Hashable { case env, file }

    public let source: Source
    /// The variable name or the file path (relative to the config folder).
    public let name: String

    public init(source: Source, name: String) {
        self.source = source
        self.name = name
    }

    public var description: String { "${\(source.rawValue):\(name)}" }

    /// What turns a reference into its value (the engine's `resolveSecret`, `SecretResolver.resolve`); failures
    /// name the reference, never a value.
    public typealias Resolver = @Sendable (SecretReference) throws(StepFailure) -> String

    /// Key names whose values must not be written literally.
    public static let secretLookingKeys = ["api_key", "token", "secret", "password", "refresh_token", "client_secret"]

    private static let secretLookingSuffixes = secretLookingKeys.map { "_" + $0 }

    public static func looksSecret(key: String) -> Bool {
        let lowered = key.lowercased()
        return secretLookingKeys.contains(lowered) || secretLookingSuffixes.contains { lowered.hasSuffix($0) }
    }
}
