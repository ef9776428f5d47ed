/// Everything read from a config folder at one moment, before cross-file checks.
public struct ConfigSnapshot: Sendable {
    public var accounts: [ConfigDocument<Account>]
    public var pipelines: [ConfigDocument<Pipeline>]
    public var settings: ConfigDocument<DaemonSettings>?
    /// Problems with the folder itself (a missing `accounts.d/`, an unreadable file).
    public var folderDiagnostics: [Diagnostic]

    public init(
        accounts: [ConfigDocument<Account>], pipelines: [ConfigDocument<Pipeline>],
        settings: ConfigDocument<DaemonSettings>? = nil, folderDiagnostics: [Diagnostic] = []
    ) {
        self.accounts = accounts
        self.pipelines = pipelines
        self.settings = settings
        self.folderDiagnostics = folderDiagnostics
    }

    public var daemonSettings: DaemonSettings { settings?.value ?? DaemonSettings() }

    public func pipeline(named name: String) -> ConfigDocument<Pipeline>? { pipelines.first { $0.name == name } }
}
