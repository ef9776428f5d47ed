import Foundation
import ShowrunnerCore

extension ConfigRegistry {
    func decode(_ path: String, _ contents: FileTable.Contents?, into state: inout State) {
        switch ConfigPath.kind(of: path) {
        case .account: state.accounts[path] = contents.map { ConfigDecoder.account(text: $0.text, path: path) }
        case .pipeline: state.pipelines[path] = contents.map { ConfigDecoder.pipeline(text: $0.text, path: path) }
        case .settings, .other: break
        }
    }

    /// Re-validates the changed account files, the accounts that share an id with them, and — when a pipeline
    /// changed — the accounts that use it; then updates each account's last good version.
    func revalidate(
        _ state: inout State, accounts changed: Set<String>, pipelinesChanged: Bool, oldIDs: Set<String>
    )
        -> ReloadReport
    {
        let snapshot = ConfigSnapshot(
            accounts: state.accounts.values.sorted { $0.path < $1.path },
            pipelines: state.pipelines.values.sorted { $0.path < $1.path }, settings: state.settings)
        let touchedIDs = oldIDs.union(changed.compactMap { state.accounts[$0]?.name })
        var affected = changed.filter { state.accounts[$0] != nil }
        for document in snapshot.accounts where touchedIDs.contains(document.name) || pipelinesChanged {
            affected.insert(document.path)
        }
        let report = ConfigValidator(secrets: secrets).validate(snapshot, onlyAccounts: affected)
        for path in changed where state.accounts[path] == nil { state.reports[path] = nil }
        for account in report.accounts { state.reports[account.document.path] = account }
        var summary = updateLastGood(&state, from: report.accounts, touchedIDs: touchedIDs)
        let accountDiagnostics = state.reports.values.flatMap(\.diagnostics)
        let otherDiagnostics = report.diagnostics.filter { ConfigPath.kind(of: $0.file) != .account }
        state.diagnostics = Array(Set(accountDiagnostics + otherDiagnostics)).sortedForDisplay()
        summary.errors = (report.accounts.flatMap(\.diagnostics) + otherDiagnostics).filter { $0.severity == .error }
        summary.errors = Array(Set(summary.errors)).sortedForDisplay()
        return summary
    }

    private func updateLastGood(
        _ state: inout State, from checked: [AccountReport], touchedIDs: Set<String>
    )
        -> ReloadReport
    {
        var summary = ReloadReport()
        let revision = revision()
        for account in checked where account.isValid {
            guard let value = account.account, let plan = account.plan else { continue }
            let hash = account.document.contentHash
            let version = GoodVersion(
                account: value, plan: plan, path: account.document.path, contentHash: hash, revision: revision)
            if let old = state.lastGood[value.id], old.account == value, old.plan == plan {
                summary.unchanged.append(value.id)
            } else {
                state.lastGood[value.id] = version
                summary.applied.append(value.id)
            }
        }
        let declared = Set(state.accounts.values.map(\.name))
        for id in touchedIDs where !declared.contains(id) && state.lastGood.removeValue(forKey: id) != nil {
            summary.removed.append(id)
        }
        summary.applied.sort()
        summary.unchanged.sort()
        summary.removed.sort()
        return summary
    }
}
