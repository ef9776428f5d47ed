/// A failed step attempt: its kind decides retries; the message is one sentence for people, secrets removed.
public struct StepFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: FailureKind
    public var message: String
    /// A server's `Retry-After`, or the wait until a quota resets.
    public var retryAfter: Duration?
    /// The last lines a subprocess wrote to stderr.
    public var stderrTail: String?

    public init(_ kind: FailureKind, _ message: String, retryAfter: Duration? = nil, stderrTail: String? = nil) {
        self.kind = kind
        self.message = message
        self.retryAfter = retryAfter
        self.stderrTail = stderrTail
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
