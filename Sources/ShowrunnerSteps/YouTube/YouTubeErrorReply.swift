import Foundation
import ShowrunnerCore

/// How a YouTube Data API error answer maps to a failure kind, using Google's `error.errors[].reason`: the daily
/// quota (`quotaExceeded`, `dailyLimitExceeded`) and the channel's upload limit (`uploadLimitExceeded`) wait until
/// midnight Pacific time (`quota`); everything else as `HTTPFailure.classify` says. Thrown by the calls; the step
/// turns it into its `failure` after recording a used-up quota in the ledger.
struct YouTubeErrorReply: Error, Sendable, Equatable {
    /// What the answer said, when it was about quota.
    enum QuotaReason: String, Sendable, Equatable {
        case quotaExceeded, dailyLimitExceeded, uploadLimitExceeded
    }

    var failure: StepFailure
    var quotaReason: QuotaReason?
    /// The call that got the answer (its quota bucket is the one a `quotaExceeded` used up).
    var call: YouTubeCall

    /// Nil for 2xx. `request` names the call in the message (no session URI, no token).
    static func classify(
        _ response: HTTPResponse, call: YouTubeCall, request: String, now: Date
    ) -> YouTubeErrorReply? {
        guard
            var failure = HTTPFailure.classify(
                status: response.status, headers: response.headers, body: response.body, request: request, now: now)
        else { return nil }
        let reasons = Self.reasons(in: response.body)
        let quota = [QuotaReason.quotaExceeded, .dailyLimitExceeded, .uploadLimitExceeded].first {
            reasons.contains($0.rawValue)
        }
        if let quota {
            let day = PacificDay(containing: now)
            failure.kind = .quota
            failure.retryAfter = day.timeUntilReset(from: now)
            failure.message = Self.quotaMessage(quota, request: request, resetAt: day.end)
        }
        return YouTubeErrorReply(failure: failure, quotaReason: quota, call: call)
    }

    /// `error.errors[].reason` (and `error.status`) of a Google error body.
    static func reasons(in body: Data) -> [String] {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return [] }
        let listed = (error["errors"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        return listed + [error["status"] as? String].compactMap { $0 }
    }

    static func quotaMessage(_ reason: QuotaReason, request: String, resetAt: Date) -> String {
        let reset = RFC3339.format(resetAt, in: PacificDay.timeZone)
        switch reason {
        case .uploadLimitExceeded:
            return "\(request): YouTube says the channel has reached its upload limit (uploadLimitExceeded); "
                + "waiting until midnight Pacific time (\(reset)) before trying again."
        case .quotaExceeded, .dailyLimitExceeded:
            return "\(request): YouTube says the project's daily API quota is used up (\(reason.rawValue)); "
                + "waiting for the reset at midnight Pacific time (\(reset))."
        }
    }
}
