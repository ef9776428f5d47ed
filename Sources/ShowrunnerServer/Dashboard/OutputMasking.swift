import ShowrunnerCore

/// Masks secrets in what a page shows of an attempt: the daemon's known secret values (the `Redactor`), and the
/// value of every output whose name says it is a secret (`api_key`, `token`, `password`, `secret`).
struct OutputMasking: Sendable {
    let redactor: Redactor

    static let secretNames: Set<String> = [
        "key", "apikey", "token", "secret", "password", "authorization", "cookie",
    ]

    func mask(_ attempt: AttemptRecord) -> AttemptRecord {
        var attempt = attempt
        attempt.error = attempt.error.map(redactor.redact)
        attempt.stderrTail = attempt.stderrTail.map(redactor.redact)
        attempt.outputs = attempt.outputs.map { outputs in
            outputs.reduce(into: [:]) { masked, entry in masked[entry.key] = mask(entry.value, name: entry.key) }
        }
        return attempt
    }

    func mask(_ value: ConfigValue, name: String) -> ConfigValue {
        let words = name.lowercased().split { "_-. ".contains($0) }.map(String.init)
        if words.contains(where: Self.secretNames.contains) || Self.secretNames.contains(name.lowercased()) {
            return .string("***")
        }
        switch value {
        case .string(let text): return .string(redactor.redact(text))
        case .list(let items): return .list(items.map { mask($0, name: name) })
        case .map(let entries):
            return .map(entries.reduce(into: [:]) { $0[$1.key] = mask($1.value, name: $1.key) })
        default: return value
        }
    }
}
