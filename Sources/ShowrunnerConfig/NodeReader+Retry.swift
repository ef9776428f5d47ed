import ShowrunnerCore
import ShowrunnerYAML

extension NodeReader {
    static let retryKeys = ["attempts", "backoff", "delay", "factor", "max_delay", "jitter", "on"]
    static let defaultsKeys = ["retry", "timeout"]

    /// A `retry:` block: only the fields it sets.
    mutating func retry(_ node: YAMLNode?, at path: String) -> RetryOverrides? {
        guard let node, let entries = mapping(node, at: path, known: Self.retryKeys) else { return nil }
        let at = { (key: String) in Self.join(path, key) }
        return RetryOverrides(
            attempts: int(entries["attempts"], at: at("attempts"), in: 1...100),
            backoff: choice(entries["backoff"], at: at("backoff")),
            delay: duration(entries["delay"], at: at("delay")),
            factor: double(entries["factor"], at: at("factor"), in: 1...100),
            maxDelay: duration(entries["max_delay"], at: at("max_delay")),
            jitter: bool(entries["jitter"], at: at("jitter")),
            retryOn: failureKinds(entries["on"], at: at("on")))
    }

    private mutating func failureKinds(_ node: YAMLNode?, at path: String) -> Set<FailureKind>? {
        guard let names = stringList(node, at: path) else { return nil }
        var kinds: Set<FailureKind> = []
        let allowed = ["transient", "rate_limit", "timeout", "any"]
        for (index, name) in names.enumerated() {
            if name == "any" {
                kinds.formUnion(FailureKind.retryable)
            } else if let kind = FailureKind(rawValue: name), FailureKind.retryable.contains(kind) {
                kinds.insert(kind)
            } else {
                let never = name == "auth" || name == "permanent"
                let reason =
                    never
                    ? "'\(name)' failures are never retried"
                    : "'\(name)' is not a retryable failure kind"
                error("\(path)[\(index)]", "\(reason); use \(allowed.joined(separator: ", ")).")
            }
        }
        return kinds
    }

    /// `timeout:` and `retry:` of a pipeline's `defaults:`.
    mutating func stepDefaults(_ node: YAMLNode?, at path: String) -> (retry: RetryPolicy, timeout: Duration?) {
        guard let node, let entries = mapping(node, at: path, known: Self.defaultsKeys) else {
            return (.default, nil)
        }
        let retry = retry(entries["retry"], at: Self.join(path, "retry")).map(RetryPolicy.default.merging)
        return (retry ?? .default, duration(entries["timeout"], at: Self.join(path, "timeout")))
    }
}
