import Foundation
import ShowrunnerCore

/// `QuotaLedger` in memory.
actor InMemoryQuotaLedger: QuotaLedger {
    private var units: [String: Int] = [:]

    func spend(_ units: Int, project: String, day: PacificDay, budget: Int) -> QuotaSpend {
        let key = "\(project) \(day)"
        let used = self.units[key, default: 0]
        guard used + units <= budget else { return .exceeded(remaining: max(0, budget - used)) }
        self.units[key] = used + units
        return .spent(remaining: budget - used - units)
    }

    func usage(project: String, day: PacificDay) -> Int { units["\(project) \(day)", default: 0] }

    func exhaust(project: String, day: PacificDay, budget: Int) {
        units["\(project) \(day)"] = max(units["\(project) \(day)", default: 0], budget)
    }
}
