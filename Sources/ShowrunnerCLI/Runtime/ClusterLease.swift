import ShowrunnerCore

/// How long a run's lease lasts on a shared store: a node whose heartbeat is older than this is gone and its runs
/// are taken over (docs/cluster.md). On SQLite (one machine) a dead process is seen at once; the heartbeat only
/// matters for other hosts.
enum ClusterLease {
    static let lease: Duration = .seconds(30)
    /// This build, as nodes report it.
    static let version = BuildInfo.version

    static func staleAfter(_ store: StoreSetting) -> Duration {
        store == .sqlite ? .seconds(120) : lease
    }

    /// A third of the lease: two heartbeats may be lost before the run is taken over.
    static func heartbeat(_ store: StoreSetting) -> Duration {
        store == .sqlite ? .seconds(15) : .seconds(10)
    }
}
