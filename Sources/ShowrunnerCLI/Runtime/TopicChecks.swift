import Foundation
import ShowrunnerCore
import ShowrunnerSteps
import ShowrunnerStore

/// `validate`'s warning for topic lists that will not last the coming week (used topics read from the store when
/// one exists; a fresh config counts every topic as unused). The lists are rendered and read on every core; only
/// the store's answers are awaited one by one.
enum TopicChecks {
    static func diagnostics(
        for report: ValidationReport, configDirectory: URL, storePath: String, now: Date
    ) async -> [Diagnostic] {
        let lists = TopicListCache()
        let pending = report.accounts.filter(\.isValid).concurrentMap { report -> (AccountReport, [TopicDemand]) in
            guard let account = report.account, let pipeline = report.pipeline else { return (report, []) }
            let demands = TopicSupply.demands(
                account: account, pipeline: pipeline, configDirectory: configDirectory, now: now, lists: lists)
            return (report, demands)
        }
        guard FileManager.default.fileExists(atPath: storePath), let store = try? SQLiteStore(path: storePath) else {
            return pending.concurrentMap { report, demands in
                warnings(report, demands, now: now) { _ in [] }
            }
            .flatMap { $0 }
        }
        var found: [Diagnostic] = []
        for (report, demands) in pending where !demands.isEmpty {
            guard let id = report.account?.id else { continue }
            var used: [String: Set<String>] = [:]
            for demand in demands {
                used[demand.listID] = (try? await store.usedTopics(accountID: id, list: demand.listID)) ?? []
            }
            found += warnings(report, demands, now: now) { used[$0] ?? [] }
        }
        return found
    }

    private static func warnings(
        _ report: AccountReport, _ demands: [TopicDemand], now: Date, used: (String) -> Set<String>
    ) -> [Diagnostic] {
        guard let schedule = report.account?.schedule else { return [] }
        return demands.compactMap { demand in
            TopicSupply.warning(for: demand, used: used(demand.listID), schedule: schedule, now: now)
                .map { report.document.sourceMap.diagnostic(.warning, at: "pipeline", $0) }
        }
    }
}
