/// What an alert is about (`notify: … events:` filters on these names).
public enum AlertEvent: String, Sendable, Hashable, CaseIterable, Codable {
    case runFailed = "run_failed"
    case accountPaused = "account_paused"
    case authNeeded = "auth_needed"
    case quotaWait = "quota_wait"
    case configError = "config_error"
    case videoPublished = "video_published"
}
