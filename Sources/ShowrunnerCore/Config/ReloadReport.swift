/// What a reload did, per account.
public struct ReloadReport: Sendable, Equatable, Codable {
    public var applied: [String]
    public var unchanged: [String]
    public var removed: [String]
    /// Accounts (or files) in error; their last good version stays scheduled.
    public var errors: [Diagnostic]

    public init(applied: [String] = [], unchanged: [String] = [], removed: [String] = [], errors: [Diagnostic] = []) {
        self.applied = applied
        self.unchanged = unchanged
        self.removed = removed
        self.errors = errors
    }
}
