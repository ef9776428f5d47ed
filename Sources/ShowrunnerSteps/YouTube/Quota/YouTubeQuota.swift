import Foundation
import ShowrunnerCore

/// The step's side of the quota ledger: each call's configured cost is spent for the account's project and today's
/// Pacific day before the call is made, and a call that would go over the daily budget fails as `quota`, waiting
/// until midnight Pacific time. With `insert_bucket: separate`, `videos.insert` is recorded in a bucket of its own
/// (`<project>/videos.insert`) and does not count against `daily_units`; YouTube enforces that bucket's limit and
/// its `quotaExceeded` answer is recorded there.
struct YouTubeQuota: Sendable {
    /// The budget of a bucket Showrunner records but does not limit.
    static let unlimited = 1_000_000_000

    let ledger: any QuotaLedger
    let settings: ProviderSettings.Quota
    let project: String
    let now: @Sendable () -> Date

    var separateInserts: Bool { settings.insertBucket == "separate" }
    var insertBucket: String { separateInserts ? "\(project)/videos.insert" : project }

    func cost(of call: YouTubeCall) -> Int {
        switch call {
        case .insert: settings.insertCost
        case .upload: 0
        case .thumbnail: settings.thumbnailCost
        case .playlistItem: settings.playlistInsertCost
        case .caption: settings.captionInsertCost
        }
    }

    /// Spends `videos.insert`'s cost, but only when what is left afterwards still pays for `followUps`, so that a
    /// video is not uploaded without the thumbnail and playlist item that go with it.
    func spendInsert(then followUps: [YouTubeCall]) async throws {
        let reserved = followUps.reduce(0) { $0 + cost(of: $1) }
        let day = PacificDay(containing: now())
        guard separateInserts else {
            let budget = settings.dailyUnits - reserved
            return try await spend(
                cost(of: .insert), bucket: project, budget: budget, day: day, for: [.insert] + followUps)
        }
        if !followUps.isEmpty {
            try await spend(0, bucket: project, budget: settings.dailyUnits - reserved, day: day, for: followUps)
        }
        try await spend(cost(of: .insert), bucket: insertBucket, budget: Self.unlimited, day: day, for: [.insert])
    }

    /// Spends the cost of a call counted against `daily_units`.
    func spend(_ call: YouTubeCall) async throws {
        let day = PacificDay(containing: now())
        try await spend(cost(of: call), bucket: project, budget: settings.dailyUnits, day: day, for: [call])
    }

    /// YouTube said a quota is used up: the bucket of that call is full until midnight Pacific time.
    func exhaust(for reply: YouTubeErrorReply) async {
        guard let reason = reply.quotaReason, reason != .uploadLimitExceeded else { return }
        let separate = reply.call == .insert && separateInserts
        try? await ledger.exhaust(
            project: separate ? insertBucket : project, day: PacificDay(containing: now()),
            budget: separate ? Self.unlimited : settings.dailyUnits)
    }

    private func spend(
        _ units: Int, bucket: String, budget: Int, day: PacificDay, for calls: [YouTubeCall]
    ) async throws {
        let answer: QuotaSpend
        do {
            // A budget below zero: the reserved follow-ups alone are more than the whole day's units.
            answer =
                budget < 0
                ? .exceeded(remaining: 0) : try await ledger.spend(units, project: bucket, day: day, budget: budget)
        } catch {
            throw StepFailure(.transient, "cannot record YouTube quota use in the store: \(error).")
        }
        guard case .exceeded = answer else { return }
        let used = (try? await ledger.usage(project: bucket, day: day)) ?? 0
        let total = bucket == project ? settings.dailyUnits : budget
        let needed = calls.reduce(0) { $0 + cost(of: $1) }
        let parts = calls.map { "\($0.rawValue) \(cost(of: $0))" }.joined(separator: " + ")
        let reset = RFC3339.format(day.end, in: PacificDay.timeZone)
        throw StepFailure(
            .quota,
            "YouTube quota: this needs \(needed) units (\(parts)) of project '\(project)', and only "
                + "\(max(0, total - used)) of its \(total) daily units are left on \(day) (Pacific time); waiting "
                + "for the reset at midnight Pacific time (\(reset)).",
            retryAfter: day.timeUntilReset(from: now()))
    }
}
