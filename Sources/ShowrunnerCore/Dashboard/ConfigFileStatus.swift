/// One config file and its current diagnostics.
public struct ConfigFileStatus: Sendable, Equatable, Encodable {
    public var path: String
    public var errors: Int
    public var warnings: Int
    public var diagnostics: [DiagnosticView]

    public init(path: String, diagnostics: [DiagnosticView]) {
        self.path = path
        self.errors = diagnostics.filter { $0.diagnostic.severity == .error }.count
        self.warnings = diagnostics.count - errors
        self.diagnostics = diagnostics
    }
}
