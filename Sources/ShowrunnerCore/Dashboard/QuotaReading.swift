/// The read-only quota figures behind `/api/quota`.
public protocol QuotaReading: Sendable {
    /// Units recorded on `day` per quota bucket (`project`, or `project/videos.insert`).
    func quotaUsage(day: PacificDay) async throws -> [String: Int]
    /// Running runs whose newest attempt failed with `quota`: they wait for the daily reset (or a `Retry-After`).
    func runsWaitingForQuota() async throws -> [RunRecord]
}
