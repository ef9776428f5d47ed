import Foundation
import ShowrunnerCore
import ShowrunnerSteps
import ShowrunnerStore

/// `validate`'s warning for topic lists that will not last the coming week (used topics read from the store when
/// one exists; a fresh config counts every topic as unused).
enum TopicChecks {
    static func diagnostics(
        for report: ValidationReport, configDirectory: URL, storePath: String, now: Date
    ) async -> [Diagnostic] {
        let store = FileManager.default.fileExists(atPath: storePath) ? try? SQLiteStore(path: storePath) : nil
        var found: [Diagnostic] = []
        let lists = TopicListCache()
        for report in report.accounts where report.isValid {
            guard let account = report.account, let mergedPipeline = report.mergedPipeline else { continue }
            let warnings = await TopicSupply.warnings(
                account: account, mergedPipeline: mergedPipeline, configDirectory: configDirectory, now: now,
                usedTopics: { list in try await store?.usedTopics(accountID: account.id, list: list) ?? [] },
                lists: lists)
            found += warnings.map { report.document.sourceMap.diagnostic(.warning, at: "pipeline", $0) }
        }
        return found
    }
}
