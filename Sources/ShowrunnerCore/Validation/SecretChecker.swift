/// Checks secret references in config strings: syntax, whether they can be resolved here, and literal secrets.
public struct SecretChecker: Sendable {
    /// Whether an environment variable / a file (relative to the config folder) exists.
    public var environmentHas: @Sendable (String) -> Bool
    public var fileExists: @Sendable (String) -> Bool
    /// Unresolvable references are errors instead of warnings.
    public var strict: Bool

    public init(
        environmentHas: @escaping @Sendable (String) -> Bool, fileExists: @escaping @Sendable (String) -> Bool,
        strict: Bool = false
    ) {
        self.environmentHas = environmentHas
        self.fileExists = fileExists
        self.strict = strict
    }

    /// Problems with one string value found at `keyPath` under the key `key`.
    func check(_ value: String, key: String, at keyPath: String, in map: SourceMap) -> [Diagnostic] {
        let references: [SecretReference]
        do {
            references = try SecretScanner.references(in: value)
        } catch {
            return [map.diagnostic(.error, at: keyPath, error.description)]
        }
        var found: [Diagnostic] = []
        if SecretReference.looksSecret(key: key), !value.isEmpty, !SecretScanner.isOnlyReferences(value) {
            found.append(
                map.diagnostic(
                    .warning, at: keyPath,
                    "'\(key)' looks like a secret written literally; use ${env:NAME} or ${file:path} so it stays "
                        + "out of git."))
        }
        let consequence = key == "api_token" ? "the daemon will not start without it" : "steps that use it will fail"
        for reference in references {
            switch reference.source {
            case .env where !environmentHas(reference.name):
                found.append(
                    map.diagnostic(
                        strict ? .error : .warning, at: keyPath,
                        "environment variable \(reference.name) is not set; \(consequence)."))
            case .file where !fileExists(reference.name):
                found.append(
                    map.diagnostic(
                        strict ? .error : .warning, at: keyPath,
                        "secret file '\(reference.name)' does not exist; \(consequence)."))
            default:
                break
            }
        }
        return found
    }

    /// Checks every string inside `values` (a `with:` or `vars:` map) below `keyPath`.
    func check(_ values: [String: ConfigValue], at keyPath: String, in map: SourceMap) -> [Diagnostic] {
        values.sorted { $0.key < $1.key }.flatMap { key, value -> [Diagnostic] in
            // Text without `$` under a key that does not look secret has nothing to report: no path built.
            if case .string(let text) = value, !text.utf8.contains(UInt8(ascii: "$")),
                !key.utf8.contains(UInt8(ascii: ".")), !SecretReference.looksSecret(key: key)
            {
                return []
            }
            return value.strings(at: "\(keyPath).\(key)").flatMap { path, text in
                check(text, key: String(path.split(separator: ".").last ?? ""), at: path, in: map)
            }
        }
    }
}
