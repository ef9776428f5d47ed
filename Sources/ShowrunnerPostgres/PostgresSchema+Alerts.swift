extension PostgresSchema {
    /// Alerts sent to webhooks: one row per alert and receiver, updated at each attempt, with what a restarted
    /// node needs to resend a pending one (the rendered body, the receiver's name in the config, the owner).
    static let v7Alerts = [
        """
        CREATE TABLE alert_deliveries (
          id TEXT COLLATE "C" PRIMARY KEY,
          event TEXT NOT NULL,
          account_id TEXT,
          run_id TEXT,
          target TEXT NOT NULL,
          format TEXT NOT NULL,
          receiver TEXT,
          payload TEXT,
          owner TEXT,
          status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'abandoned')),
          attempts INTEGER NOT NULL CHECK (attempts >= 0),
          last_error TEXT,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX alert_deliveries_created ON alert_deliveries (created_at, id)",
        "CREATE INDEX alert_deliveries_pending ON alert_deliveries (updated_at) WHERE status = 'pending'",
    ]
}
