/// Replaces secret values with `***` in anything that is stored, logged or shown.
public struct Redactor: Sendable {
    private let secrets: [String]

    /// Values shorter than 4 characters are not redacted (they would mangle ordinary text).
    public init(secrets: [String]) {
        self.secrets = Array(Set(secrets.filter { $0.count >= 4 })).sorted { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// `failure` with its message and stderr tail redacted.
    public func redact(_ failure: StepFailure) -> StepFailure {
        var failure = failure
        failure.message = redact(failure.message)
        failure.stderrTail = failure.stderrTail.map(redact)
        return failure
    }
}
