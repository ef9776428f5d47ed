import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore: AlertLog {
    /// Inserts the delivery or updates it (same id) with its latest attempt, unless another owner took it over.
    public func recordDelivery(_ delivery: AlertDelivery) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO alert_deliveries
                    (id, event, account_id, run_id, target, format, receiver, payload, owner, status, attempts,
                    last_error, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
                    last_error = excluded.last_error, updated_at = excluded.updated_at
                    WHERE alert_deliveries.owner IS excluded.owner
                    """,
                arguments: [
                    delivery.id, delivery.event.rawValue, delivery.accountID, delivery.runID, delivery.target,
                    delivery.format.rawValue, delivery.receiver, delivery.payload, delivery.owner,
                    delivery.status.rawValue, delivery.attempts, delivery.lastError,
                    delivery.createdAt.millisecondsSince1970, delivery.updatedAt.millisecondsSince1970,
                ])
        }
    }

    public func deliveries(limit: Int) async throws -> [AlertDelivery] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM alert_deliveries ORDER BY created_at DESC, id DESC LIMIT ?", arguments: [limit]
            ).compactMap(Self.delivery)
        }
    }

    public func claimPendingDeliveries(
        owner: String, untouchedSince before: Date, now: Date
    ) async throws
        -> [AlertDelivery]
    {
        try await writer.write { db in
            try Row.fetchAll(
                db,
                sql: """
                    UPDATE alert_deliveries SET owner = ?, updated_at = ?
                    WHERE status = 'pending' AND payload IS NOT NULL AND receiver IS NOT NULL
                    AND owner IS NOT ? AND updated_at < ?
                    RETURNING *
                    """,
                arguments: [owner, now.millisecondsSince1970, owner, before.millisecondsSince1970]
            ).compactMap(Self.delivery).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
    }

    private static func delivery(_ row: Row) -> AlertDelivery? {
        guard let event = AlertEvent(rawValue: row["event"]), let format = AlertTarget.Format(rawValue: row["format"]),
            let status = AlertDelivery.Status(rawValue: row["status"])
        else { return nil }
        return AlertDelivery(
            id: row["id"], event: event, accountID: row["account_id"], runID: row["run_id"], target: row["target"],
            format: format, receiver: row["receiver"], payload: row["payload"], owner: row["owner"], status: status,
            attempts: row["attempts"], lastError: row["last_error"],
            createdAt: Date(millisecondsSince1970: row["created_at"]),
            updatedAt: Date(millisecondsSince1970: row["updated_at"]))
    }
}
