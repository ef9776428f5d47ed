import ShowrunnerCore

/// What the dashboard reads beyond the API: optional, so a control without it still serves the pages.
extension DaemonControl {
    /// The pipeline (overrides applied) the account runs, for the run page's step graph; nil when unknown.
    public func mergedPipeline(accountID: String) async -> Pipeline? { nil }
    /// The scheduled (last good) version of the account, for its channel type and language; nil when unknown.
    public func scheduledAccount(id: String) async -> Account? { nil }
}
