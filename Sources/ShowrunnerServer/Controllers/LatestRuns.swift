import ShowrunnerCore

/// The newest run of each of many accounts, in one store query.
struct LatestRuns {
    let store: any RunHistory

    func lookup(_ accountIDs: Set<String>) async throws -> [String: RunRecord] {
        try await store.latestRunPerAccount().filter { accountIDs.contains($0.key) }
    }
}
