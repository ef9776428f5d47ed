import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: RunHistory {
    /// Newest first; `query.before` names the last run of the previous page (a run that does not exist is an
    /// error, not an empty page).
    public func runs(matching query: RunQuery) async throws -> [RunRecord] {
        try await history(matching: query).map(\.run)
    }

    /// The page of `runs(matching:)` with each run's attempt counts.
    public func history(matching query: RunQuery) async throws -> [RunHistoryEntry] {
        var binds = PostgresBindings()
        var conditions: [String] = []
        if let accountID = query.accountID {
            binds.append(accountID)
            conditions.append("r.account_id = $\(binds.count)")
        }
        if let status = query.status {
            binds.append(status.rawValue)
            conditions.append("r.status = $\(binds.count)")
        }
        if let before = query.before {
            guard let cursor = try await run(id: before) else { throw StoreError.runNotFound(before) }
            binds.append(cursor.createdAt.millisecondsSince1970)
            binds.append(cursor.id)
            conditions.append("(r.created_at, r.id) < ($\(binds.count - 1), $\(binds.count))")
        }
        binds.append(max(0, query.limit))
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT \(PostgresRunRow.columns("r")),
              (SELECT COUNT(*) FROM step_attempts a WHERE a.run_id = r.id AND a.attempt > 0),
              (SELECT COUNT(*) FROM step_attempts a WHERE a.run_id = r.id AND a.status = 'failed')
            FROM runs r \(filter) ORDER BY r.created_at DESC, r.id DESC LIMIT $\(binds.count)
            """
        return try await rows(PostgresQuery(unsafeSQL: sql, binds: binds)).map { row in
            let random = row.makeRandomAccess()
            return RunHistoryEntry(
                run: try PostgresRunRow.record(row), attempts: Int(try random[15].decode(Int64.self)),
                failedAttempts: Int(try random[16].decode(Int64.self)))
        }
    }
}
