extension PostgresSchema {
    /// One account's `/api/stats` (its finished runs by day), as in the SQLite store; every account's uses
    /// `runs_finished`.
    static let v4Dashboard = [
        "CREATE INDEX runs_account_finished ON runs (account_id, finished_at) WHERE finished_at IS NOT NULL"
    ]
}

extension PostgresSchema {
    /// The overlap rules across nodes read an account's queued and running runs (claims, fires).
    static let v5Overlap = [
        "CREATE INDEX runs_active_account ON runs (account_id) WHERE status IN ('queued', 'running')"
    ]
}

extension PostgresSchema {
    /// Cancels asked for through one node for a run another node executes (`requestCancel`).
    static let v6Cancels = [
        """
        CREATE TABLE run_cancellations (
          run_id TEXT COLLATE "C" PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
          requested_at BIGINT NOT NULL
        )
        """
    ]
}
