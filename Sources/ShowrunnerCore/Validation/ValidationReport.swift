/// The result of validating a config folder.
public struct ValidationReport: Sendable {
    /// Every problem, sorted by file and position.
    public let diagnostics: [Diagnostic]
    public let accounts: [AccountReport]

    public init(diagnostics: [Diagnostic], accounts: [AccountReport]) {
        self.diagnostics = diagnostics
        self.accounts = accounts
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// One account file after validation.
public struct AccountReport: Sendable {
    public let document: ConfigDocument<Account>
    /// The pipeline the account names (or writes inline), before its step overrides; nil when it could not be
    /// resolved. Accounts on the same pipeline share it.
    public let pipeline: Pipeline?
    /// This account's own problems (its file, its pipeline reference, duplicates).
    public let diagnostics: [Diagnostic]

    public var id: String { document.name }
    /// The account's pipeline with its step overrides applied, merged where it is used: kept merged, 10,000 accounts
    /// that each override one step held 10,000 pipelines instead of the few they use.
    public var mergedPipeline: Pipeline? {
        guard let account else { return pipeline }
        return pipeline?.applying(account.stepOverrides)
    }
    public var account: Account? { document.value }
    /// Valid: decoded, its pipeline resolved and no error (the overrides are not merged to ask).
    public var isValid: Bool {
        account != nil && pipeline != nil && !diagnostics.contains { $0.severity == .error }
    }
}
