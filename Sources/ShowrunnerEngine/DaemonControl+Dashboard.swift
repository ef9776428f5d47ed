import ShowrunnerCore

/// What the dashboard reads beyond the API: optional, so a control without it still serves the pages.
extension DaemonControl {
    /// The pipeline (overrides applied) the account runs, for the run page's step graph; nil when unknown.
    public func mergedPipeline(accountID: String) async -> Pipeline? { nil }
    /// The scheduled (last good) version of the account, for its channel type and language; nil when unknown.
    public func scheduledAccount(id: String) async -> Account? { nil }
    /// Every account's id and name, sorted by id: what the channels page searches and pages through.
    public func accountNames() async -> [(id: String, name: String?)] {
        await accounts().map { ($0.id, $0.name) }
    }
    /// The status of these accounts only (one page of the channels page), in the order given.
    public func accountStatuses(ids: [String]) async -> [AccountStatus] {
        let all = await accounts()
        return ids.flatMap { id in all.filter { $0.id == id } }
    }
}
