import Foundation
import ShowrunnerCore

extension ConfigRegistry {
    func store(_ file: DecodedFile, at path: String, into state: inout State) {
        switch file {
        case .account(let document):
            if let old = state.accounts[path]?.name { state.pathsByID[old]?.remove(path) }
            state.accounts[path] = document
            if let document { state.pathsByID[document.name, default: []].insert(path) }
        case .pipeline(let document): state.pipelines[path] = document
        case .settings(let document): state.settings = document
        case .other: break
        }
    }

    /// What a reload validates: the changed account files, the accounts that share an id with them, and — when a
    /// pipeline changed — the accounts that use it. Only those documents go into the snapshot: every account sharing
    /// an id with a changed one is among them, so duplicate ids are still found, and a one-file edit among 10,000
    /// accounts does not copy the other 9,999.
    struct Revalidation: Sendable {
        var changed: Set<String>
        var touchedIDs: Set<String>
        var snapshot: ConfigSnapshot
    }

    func prepare(
        _ state: State, accounts changed: Set<String>, pipelinesChanged: Bool, oldIDs: Set<String>
    ) -> Revalidation {
        let touchedIDs = oldIDs.union(changed.compactMap { state.accounts[$0]?.name })
        var affected = pipelinesChanged ? Set(state.accounts.keys) : changed.filter { state.accounts[$0] != nil }
        for id in touchedIDs { affected.formUnion(state.pathsByID[id] ?? []) }
        let snapshot = ConfigSnapshot(
            accounts: affected.sorted().compactMap { state.accounts[$0] },
            pipelines: state.pipelines.keys.sorted().compactMap { state.pipelines[$0] }, settings: state.settings)
        return Revalidation(changed: changed, touchedIDs: touchedIDs, snapshot: snapshot)
    }

    /// Records the validation results and updates each account's last good version.
    func publish(
        _ report: ValidationReport, of revalidation: Revalidation, into state: inout State, revision: String?
    ) -> ReloadReport {
        for path in revalidation.changed where state.accounts[path] == nil { state.reports[path] = nil }
        for account in report.accounts { state.reports[account.document.path] = account }
        var summary = updateLastGood(
            &state, from: report.accounts, touchedIDs: revalidation.touchedIDs, revision: revision)
        state.otherDiagnostics = report.diagnostics.filter { ConfigPath.kind(of: $0.file) != .account }
        summary.errors = (report.accounts.flatMap(\.diagnostics) + state.otherDiagnostics).filter {
            $0.severity == .error
        }
        summary.errors = Array(Set(summary.errors)).sortedForDisplay()
        return summary
    }

    private func updateLastGood(
        _ state: inout State, from checked: [AccountReport], touchedIDs: Set<String>, revision: String?
    )
        -> ReloadReport
    {
        var summary = ReloadReport()
        for account in checked where account.isValid {
            guard let value = account.account, let pipeline = account.pipeline else { continue }
            let hash = account.document.contentHash
            let version = GoodVersion(
                account: value, pipeline: pipeline, path: account.document.path, contentHash: hash, revision: revision)
            if let old = state.lastGood[value.id], old.account == value, old.pipeline == pipeline {
                summary.unchanged.append(value.id)
            } else {
                state.lastGood[value.id] = version
                summary.applied.append(value.id)
            }
        }
        for id in touchedIDs where state.pathsByID[id]?.isEmpty ?? true {
            guard state.lastGood.removeValue(forKey: id) != nil else { continue }
            summary.removed.append(id)
        }
        summary.applied.sort()
        summary.unchanged.sort()
        summary.removed.sort()
        return summary
    }
}
