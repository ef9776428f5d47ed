import Foundation

/// One row of the old system's `JobHistory` table: an automated run of an account.
public struct LegacyJob: Sendable, Hashable {
    public var id: String
    public var accountID: String
    public var status: String
    /// SQLAlchemy `DateTime` text (`2025-01-05 09:00:00.123456`), in the old scheduler's zone.
    public var startedAt: String?
    public var finishedAt: String?
    public var error: String?

    public init(
        id: String, accountID: String, status: String, startedAt: String?, finishedAt: String?, error: String?
    ) {
        self.id = id
        self.accountID = accountID
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
    }

    /// The run Showrunner's history shows for it: trigger `schedule` at its start (so importing twice adds nothing:
    /// one run per account and instant), status succeeded or failed, the reason naming the import; nil when the
    /// row never finished or has no start.
    public func run(accountID: String, timeZone: TimeZone) -> RunRecord? {
        guard let started = startedAt.flatMap({ Self.date($0, timeZone) }) else { return nil }
        let finished = finishedAt.flatMap { Self.date($0, timeZone) } ?? started
        let status: RunStatus
        switch self.status.lowercased() {
        case "success", "succeeded", "completed", "done", "ok": status = .succeeded
        case "failed", "failure", "error", "errored", "cancelled", "canceled": status = .failed
        default: return nil  // running, pending: it did not end in the old system
        }
        var reason = "imported from APScheduler JobHistory \(id)"
        if status == .failed, let error, !error.isEmpty { reason += ": \(error.prefix(500))" }
        return RunRecord(
            id: "imported-\(id)", accountID: accountID, pipeline: "apscheduler", trigger: .schedule,
            scheduledAt: started, status: status, reason: reason, createdAt: started, startedAt: started,
            finishedAt: max(finished, started))
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]` (or with a `T`) as wall time in `timeZone`.
    static func date(_ text: String, _ timeZone: TimeZone) -> Date? {
        let parts = text.replacingOccurrences(of: "T", with: " ").split(separator: " ")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let clock = parts[1].split(separator: ":")
        guard day.count == 3, clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
            let seconds = Double(clock[2].prefix { $0 != "+" && $0 != "Z" })
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let whole = DateComponents(
            year: day[0], month: day[1], day: day[2], hour: hour, minute: minute, second: Int(seconds))
        return calendar.date(from: whole).map { $0.addingTimeInterval(seconds - seconds.rounded(.down)) }
    }
}
