/// The PostgreSQL store's schema as numbered migrations. Ids compare byte by byte (`COLLATE "C"`), as in SQLite,
/// so history pages are ordered the same whatever the database's locale. Like the SQLite store's, a released migration never
/// changes: a new schema is a new entry. Instants are BIGINT milliseconds since 1970, as in SQLite, so that the two
/// stores hold the same values and `store migrate` copies them unchanged.
enum PostgresSchema {
    /// `(version, statements)`, applied in order, each version in one transaction.
    static let migrations: [(String, [String])] = [
        ("v1", v1Runs + v1State + v1Uploads), ("v2_cluster", v2Cluster), ("v3_claims", v3Claims),
        ("v4_dashboard", v4Dashboard), ("v5_overlap", v5Overlap),
        ("v6_cancels", v6Cancels), ("v7_alerts", v7Alerts),
    ]

    static let v1Runs = [
        """
        CREATE TABLE runs (
          id TEXT COLLATE "C" PRIMARY KEY,
          account_id TEXT COLLATE "C" NOT NULL,
          pipeline TEXT NOT NULL,
          "trigger" TEXT NOT NULL CHECK ("trigger" IN ('schedule', 'catch_up', 'manual', 'retry')),
          scheduled_at BIGINT,
          status TEXT NOT NULL
            CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'missed', 'skipped')),
          reason TEXT,
          config_revision TEXT,
          retry_of TEXT COLLATE "C" REFERENCES runs (id) ON DELETE SET NULL,
          created_at BIGINT NOT NULL,
          started_at BIGINT,
          finished_at BIGINT,
          owner_host TEXT,
          owner_pid INTEGER,
          heartbeat_at BIGINT,
          CONSTRAINT fire_has_instant CHECK ("trigger" NOT IN ('schedule', 'catch_up') OR scheduled_at IS NOT NULL),
          CONSTRAINT retry_of_only_for_retries CHECK (retry_of IS NULL OR ("trigger" = 'retry' AND retry_of <> id)),
          CONSTRAINT unfinished_has_no_finish CHECK (status NOT IN ('queued', 'running') OR finished_at IS NULL),
          CONSTRAINT owner_is_whole
            CHECK ((owner_host IS NULL) = (owner_pid IS NULL) AND (owner_pid IS NULL) = (heartbeat_at IS NULL))
        )
        """,
        // A fire produces at most one run, whichever node inserts it first (SPEC §3 "Fire identity").
        """
        CREATE UNIQUE INDEX runs_fire ON runs (account_id, scheduled_at) WHERE "trigger" IN ('schedule', 'catch_up')
        """,
        "CREATE INDEX runs_history ON runs (created_at, id)",
        "CREATE INDEX runs_account_history ON runs (account_id, created_at, id)",
        "CREATE INDEX runs_status_history ON runs (status, created_at, id)",
        "CREATE INDEX runs_finished ON runs (finished_at)",
        "CREATE UNIQUE INDEX runs_retry_of ON runs (retry_of) WHERE retry_of IS NOT NULL",
        """
        CREATE TABLE step_attempts (
          id BIGSERIAL PRIMARY KEY,
          run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          step_id TEXT NOT NULL,
          attempt INTEGER NOT NULL CHECK (attempt >= 0),
          status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'reused', 'skipped')),
          failure_kind TEXT CHECK (failure_kind IN ('transient', 'rate_limit', 'timeout', 'quota', 'auth', 'permanent')),
          error TEXT,
          stderr_tail TEXT,
          outputs JSONB CHECK (outputs IS NULL OR jsonb_typeof(outputs) = 'object'),
          artifacts JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(artifacts) = 'array'),
          started_at BIGINT NOT NULL,
          finished_at BIGINT,
          UNIQUE (run_id, step_id, attempt),
          CONSTRAINT attempt_zero_iff_not_run CHECK ((attempt = 0) = (status IN ('skipped', 'reused'))),
          CONSTRAINT failure_kind_only_when_failed CHECK (failure_kind IS NULL OR status = 'failed')
        )
        """,
    ]

    static let v1State = [
        """
        CREATE TABLE account_state (
          account_id TEXT PRIMARY KEY,
          paused BOOLEAN NOT NULL DEFAULT false,
          pause_reason TEXT,
          removed_until_change TEXT,
          consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
          last_fire_at BIGINT,
          auth_flag TEXT,
          CONSTRAINT reason_only_when_paused CHECK (paused OR pause_reason IS NULL)
        )
        """,
        """
        CREATE TABLE topics_used (
          account_id TEXT NOT NULL,
          list TEXT NOT NULL,
          topic TEXT NOT NULL,
          run_id TEXT REFERENCES runs (id) ON DELETE SET NULL,
          used_at BIGINT NOT NULL,
          PRIMARY KEY (account_id, list, topic)
        )
        """,
        "CREATE INDEX topics_used_run ON topics_used (run_id)",
        """
        CREATE TABLE quota_usage (
          project TEXT NOT NULL,
          day TEXT NOT NULL CHECK (day ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
          units INTEGER NOT NULL CHECK (units >= 0),
          PRIMARY KEY (project, day)
        )
        """,
    ]

    static let v1Uploads = [
        """
        CREATE TABLE upload_sessions (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL,
          run_id TEXT REFERENCES runs (id) ON DELETE SET NULL,
          step_id TEXT NOT NULL,
          file_path TEXT NOT NULL,
          file_size BIGINT NOT NULL CHECK (file_size >= 0),
          checksum TEXT NOT NULL,
          session_uri TEXT,
          video_id TEXT,
          uploaded_bytes BIGINT NOT NULL DEFAULT 0,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          UNIQUE (account_id, checksum),
          CONSTRAINT uploaded_within_file CHECK (uploaded_bytes BETWEEN 0 AND file_size)
        )
        """,
        "CREATE INDEX upload_sessions_run ON upload_sessions (run_id)",
        """
        CREATE TABLE upload_follow_ups (
          upload_id TEXT NOT NULL REFERENCES upload_sessions (id) ON DELETE CASCADE,
          action TEXT NOT NULL CHECK (action IN ('thumbnail', 'playlist', 'captions')),
          target TEXT NOT NULL,
          result TEXT,
          done_at BIGINT NOT NULL,
          PRIMARY KEY (upload_id, action, target)
        )
        """,
    ]

    /// Nodes of a cluster: one row per daemon, refreshed by its heartbeat (`GET /api/cluster`).
    static let v2Cluster = [
        """
        CREATE TABLE nodes (
          name TEXT PRIMARY KEY,
          owner_host TEXT NOT NULL,
          version TEXT NOT NULL,
          config_revision TEXT,
          labels TEXT NOT NULL DEFAULT '',
          capacity INTEGER NOT NULL,
          running INTEGER NOT NULL DEFAULT 0,
          started_at BIGINT NOT NULL,
          heartbeat_at BIGINT NOT NULL
        )
        """
    ]

    /// Claiming queued runs (`claimQueuedRuns`) reads the oldest queued rows.
    static let v3Claims = ["CREATE INDEX runs_queued ON runs (created_at, id) WHERE status = 'queued'"]
}
