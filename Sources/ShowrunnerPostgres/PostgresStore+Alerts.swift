import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: AlertLog {
    static let deliveryColumns = """
        id, event, account_id, run_id, target, format, receiver, payload, owner, status, attempts, last_error,
        created_at, updated_at
        """

    /// Inserts the delivery or updates it (same id) with its latest attempt, unless another node took it over.
    public func recordDelivery(_ delivery: AlertDelivery) async throws {
        try await execute(
            """
            INSERT INTO alert_deliveries (\(unescaped: Self.deliveryColumns))
            VALUES (\(delivery.id), \(delivery.event.rawValue), \(delivery.accountID), \(delivery.runID),
            \(delivery.target), \(delivery.format.rawValue), \(delivery.receiver), \(delivery.payload),
            \(delivery.owner), \(delivery.status.rawValue), \(Int32(clamping: delivery.attempts)),
            \(delivery.lastError), \(delivery.createdAt.millisecondsSince1970),
            \(delivery.updatedAt.millisecondsSince1970))
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
            last_error = excluded.last_error, updated_at = excluded.updated_at
            WHERE alert_deliveries.owner IS NOT DISTINCT FROM excluded.owner
            """)
    }

    public func deliveries(limit: Int) async throws -> [AlertDelivery] {
        try await rows(
            """
            SELECT \(unescaped: Self.deliveryColumns) FROM alert_deliveries
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """
        ).compactMap(Self.delivery)
    }

    /// One UPDATE: a row another node claims at the same moment is re-checked after its lock, so one node wins.
    public func claimPendingDeliveries(
        owner: String, untouchedSince before: Date, now: Date
    ) async throws
        -> [AlertDelivery]
    {
        try await rows(
            """
            UPDATE alert_deliveries SET owner = \(owner), updated_at = \(now.millisecondsSince1970)
            WHERE status = 'pending' AND payload IS NOT NULL AND receiver IS NOT NULL
            AND owner IS DISTINCT FROM \(owner) AND updated_at < \(before.millisecondsSince1970)
            RETURNING \(unescaped: Self.deliveryColumns)
            """
        ).compactMap(Self.delivery).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    private static func delivery(_ row: PostgresRow) throws -> AlertDelivery? {
        let cells = row.makeRandomAccess()
        let text = { (index: Int) in try cells[index].decode(String?.self) }
        guard let event = try AlertEvent(rawValue: cells[1].decode(String.self)),
            let format = try AlertTarget.Format(rawValue: cells[5].decode(String.self)),
            let status = try AlertDelivery.Status(rawValue: cells[9].decode(String.self))
        else { return nil }
        return AlertDelivery(
            id: try cells[0].decode(String.self), event: event, accountID: try text(2), runID: try text(3),
            target: try cells[4].decode(String.self), format: format, receiver: try text(6), payload: try text(7),
            owner: try text(8), status: status, attempts: Int(try cells[10].decode(Int32.self)),
            lastError: try text(11), createdAt: Date(millisecondsSince1970: try cells[12].decode(Int64.self)),
            updatedAt: Date(millisecondsSince1970: try cells[13].decode(Int64.self)))
    }
}
