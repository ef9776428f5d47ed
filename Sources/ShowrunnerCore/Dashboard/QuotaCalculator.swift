import Foundation

/// Puts config, ledger and waiting runs together per project; pure.
public enum QuotaCalculator {
    public static let waitingLimit = 100
    static let insertSuffix = "/videos.insert"

    /// Projects named by the config or found in today's ledger, sorted by name. A waiting run whose account is no
    /// longer configured counts under `default`.
    public static func status(
        plan: QuotaPlan, usage: [String: Int], waiting: [RunRecord], now: Date
    ) -> QuotaStatus {
        let day = PacificDay(containing: now)
        let accounts = Dictionary(grouping: plan.projects.keys, by: { plan.projects[$0] ?? "default" })
        let waitingByProject = Dictionary(grouping: waiting.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
            plan.projects[$0.accountID] ?? "default"
        }
        let ledgerProjects = usage.keys.map {
            $0.hasSuffix(insertSuffix) ? String($0.dropLast(insertSuffix.count)) : $0
        }
        let names = Set(accounts.keys).union(ledgerProjects).union(waitingByProject.keys).sorted()
        let projects = names.map { name in
            let used = usage[name] ?? 0
            let runs = waitingByProject[name] ?? []
            return QuotaProjectStatus(
                project: name, used: used, budget: plan.dailyUnits, remaining: max(0, plan.dailyUnits - used),
                insertUnits: plan.separateInserts ? usage[name + insertSuffix] ?? 0 : nil,
                accounts: accounts[name]?.count ?? 0, waitingCount: runs.count,
                waiting: runs.prefix(waitingLimit).map {
                    QuotaWaitingRun(runID: $0.id, accountID: $0.accountID, createdAt: $0.createdAt)
                })
        }
        return QuotaStatus(
            day: day.description, resetAt: day.end,
            resetsInSeconds: Int(max(0, day.end.timeIntervalSince(now)).rounded(.up)), projects: projects)
    }
}
