import Foundation
import ShowrunnerCore

/// `showrunner history --alerts`: one line per delivery, newest first.
enum AlertFormatting {
    static func table(_ deliveries: [AlertDelivery]) -> String {
        guard !deliveries.isEmpty else { return "No alerts yet." }
        let rows = deliveries.map { delivery in
            [
                RFC3339.format(delivery.createdAt, in: .current), delivery.event.rawValue, delivery.accountID ?? "-",
                delivery.format.rawValue, delivery.target, delivery.status.rawValue, "\(delivery.attempts)",
                delivery.lastError ?? "",
            ]
        }
        let header = ["TIME", "EVENT", "ACCOUNT", "FORMAT", "TO", "STATUS", "ATTEMPTS", "LAST ERROR"]
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    static func json(_ deliveries: [AlertDelivery]) -> String {
        let objects: [[String: Any]] = deliveries.map { delivery in
            var object: [String: Any] = [
                "id": delivery.id, "event": delivery.event.rawValue, "target": delivery.target,
                "format": delivery.format.rawValue, "status": delivery.status.rawValue, "attempts": delivery.attempts,
                "created_at": RFC3339.format(delivery.createdAt, in: TimeZone(identifier: "UTC")!),
                "updated_at": RFC3339.format(delivery.updatedAt, in: TimeZone(identifier: "UTC")!),
            ]
            object["account_id"] = delivery.accountID
            object["run_id"] = delivery.runID
            object["last_error"] = delivery.lastError
            object["receiver"] = delivery.receiver
            return object
        }
        let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
