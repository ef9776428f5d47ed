/// `showrunner.yaml`: daemon settings and provider endpoints (SPEC §6). Every field has a default.
public struct DaemonSettings: Sendable, Hashable {
    public enum WatchMode: String, Sendable, Hashable, CaseIterable { case inotify, poll, off }

    /// SQLite file and artifacts; relative to the config folder.
    public var stateDir: String
    /// `host:port` of the HTTP API.
    public var listen: String
    /// A secret reference; required when `listen` is not a loopback address.
    public var apiToken: String?
    public var maxConcurrentRuns: Int
    public var watch: WatchMode
    /// Quiet time before a burst of file events is applied.
    public var debounce: Duration
    /// How long running steps may finish after SIGTERM.
    public var shutdownGrace: Duration
    public var runRetention: Duration
    public var artifactRetention: Duration
    public var providers: ProviderSettings
    /// `store:`: SQLite (default) or PostgreSQL.
    public var store: StoreSetting = .sqlite
    /// `node: { name }`: this daemon's name in a cluster (default: the host name).
    public var nodeName: String?
    /// `node: { labels }`: what this node offers; accounts with `runs_on:` run only on nodes with those labels.
    public var nodeLabels: [String] = []
    /// `log.format`: text or JSON lines on stderr.
    public var logFormat: LogFormat = .text
    /// `notify:`: where alerts go (every account's).
    public var notify: [AlertTarget] = []

    public init(
        stateDir: String = "state", listen: String = "127.0.0.1:8080", apiToken: String? = nil,
        maxConcurrentRuns: Int = 4, watch: WatchMode = .inotify, debounce: Duration = .milliseconds(50),
        shutdownGrace: Duration = .seconds(30), runRetention: Duration = .seconds(90 * 86_400),
        artifactRetention: Duration = .seconds(14 * 86_400), providers: ProviderSettings = ProviderSettings()
    ) {
        self.stateDir = stateDir
        self.listen = listen
        self.apiToken = apiToken
        self.maxConcurrentRuns = maxConcurrentRuns
        self.watch = watch
        self.debounce = debounce
        self.shutdownGrace = shutdownGrace
        self.runRetention = runRetention
        self.artifactRetention = artifactRetention
        self.providers = providers
    }
}
