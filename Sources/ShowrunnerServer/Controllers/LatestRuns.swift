import ShowrunnerCore

/// The newest run of each of many accounts with few store queries (one query per account takes seconds for 10,000
/// jobs). History is read newest first in pages until every account is found or history ends; accounts still missing
/// after `scanLimit` runs (ones that have not run for a long time) are looked up one by one.
struct LatestRuns {
    let store: any RunStore
    var pageSize = 1_000
    /// nil: twice the number of accounts asked for, at least one page.
    var scanLimit: Int?

    func lookup(_ accountIDs: Set<String>) async throws -> [String: RunRecord] {
        var found: [String: RunRecord] = [:]
        var before: String?
        var scanned = 0
        let limit = scanLimit ?? max(pageSize, 2 * accountIDs.count)
        while found.count < accountIDs.count, scanned < limit {
            let page = try await store.runs(matching: RunQuery(limit: pageSize, before: before))
            for run in page where found[run.accountID] == nil && accountIDs.contains(run.accountID) {
                found[run.accountID] = run
            }
            scanned += page.count
            // A short page is the end of history: the accounts not found have no runs.
            guard page.count == pageSize, let last = page.last else { return found }
            before = last.id
        }
        for accountID in accountIDs where found[accountID] == nil {
            found[accountID] = try await store.runs(matching: RunQuery(accountID: accountID, limit: 1)).first
        }
        return found
    }
}
