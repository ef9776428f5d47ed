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
    /// The account's pipeline with its step overrides applied; nil when it could not be resolved.
    public let mergedPipeline: Pipeline?
    /// This account's own problems (its file, its pipeline reference, duplicates).
    public let diagnostics: [Diagnostic]

    public var id: String { document.name }
    public var account: Account? { document.value }
    public var isValid: Bool {
        account != nil && mergedPipeline != nil && !diagnostics.contains { $0.severity == .error }
    }
}
