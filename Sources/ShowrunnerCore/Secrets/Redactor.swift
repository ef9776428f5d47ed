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
}
