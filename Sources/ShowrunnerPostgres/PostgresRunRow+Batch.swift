import Foundation
import PostgresNIO
import ShowrunnerCore

extension PostgresRunRow {
    /// One multi-row insert of `runs` (one round trip for a whole instant's fires); rows whose fire already has a
    /// run are left out (any other conflict is an error). Returns the ids inserted.
    static func insert(
        _ runs: [RunRecord], on connection: PostgresConnection, logger: Logger
    ) async throws
        -> Set<String>
    {
        guard !runs.isEmpty else { return [] }
        var sql = PostgresQuery.StringInterpolation(literalCapacity: 600, interpolationCount: runs.count * 15)
        sql.appendLiteral(
            """
            INSERT INTO runs (id, account_id, pipeline, "trigger", scheduled_at, status, reason, config_revision,
              retry_of, created_at, started_at, finished_at, owner_host, owner_pid, heartbeat_at) VALUES
            """)
        for (index, run) in runs.enumerated() {
            sql.appendLiteral(index == 0 ? " (" : ", (")
            appendValues(run, to: &sql)
            sql.appendLiteral(")")
        }
        sql.appendLiteral(
            """
             ON CONFLICT (account_id, scheduled_at) WHERE "trigger" IN ('schedule', 'catch_up') DO NOTHING
            RETURNING id
            """)
        let rows = try await connection.rows(PostgresQuery(stringInterpolation: sql), logger: logger)
        return Set(try rows.map { try $0.decode(String.self) })
    }

    /// The 15 values of `run`, in `columns` order, comma-separated.
    private static func appendValues(_ run: RunRecord, to sql: inout PostgresQuery.StringInterpolation) {
        sql.appendInterpolation(run.id)
        sql.appendLiteral(", ")
        sql.appendInterpolation(run.accountID)
        sql.appendLiteral(", ")
        sql.appendInterpolation(run.pipeline)
        sql.appendLiteral(", ")
        sql.appendInterpolation(run.trigger.rawValue)
        sql.appendLiteral(", ")
        sql.appendInterpolation(run.scheduledAt?.millisecondsSince1970)
        sql.appendLiteral("::bigint, ")
        sql.appendInterpolation(run.status.rawValue)
        sql.appendLiteral(", ")
        sql.appendInterpolation(run.reason)
        sql.appendLiteral("::text, ")
        sql.appendInterpolation(run.configRevision)
        sql.appendLiteral("::text, ")
        sql.appendInterpolation(run.retryOf)
        sql.appendLiteral("::text, ")
        sql.appendInterpolation(run.createdAt.millisecondsSince1970)
        sql.appendLiteral(", ")
        sql.appendInterpolation(run.startedAt?.millisecondsSince1970)
        sql.appendLiteral("::bigint, ")
        sql.appendInterpolation(run.finishedAt?.millisecondsSince1970)
        sql.appendLiteral("::bigint, ")
        sql.appendInterpolation(run.owner?.host)
        sql.appendLiteral("::text, ")
        sql.appendInterpolation(run.owner?.pid)
        sql.appendLiteral("::integer, ")
        sql.appendInterpolation(run.owner?.heartbeatAt.millisecondsSince1970)
        sql.appendLiteral("::bigint")
    }
}
