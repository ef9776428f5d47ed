import ShowrunnerCore

extension BuiltInSteps {
    /// `upload.youtube`, by its `uses:` name. It remembers uploads in `uploads` (created before any byte is sent)
    /// and spends quota through `quota` (both are the SQLite store in the app), sends through `httpClient`,
    /// resolves `channel.youtube.credentials` with `resolveSecret`, and waits between in-attempt recoveries on
    /// `clock`.
    public static func youtubeSteps(
        uploads: any UploadSessionStore, quota: any QuotaLedger, httpClient: HTTPClient = HTTPClient(),
        resolveSecret: @escaping SecretReference.Resolver,
        clock: any Clock<Duration> = ContinuousClock(), recovery: UploadRecovery = UploadRecovery()
    ) -> [String: any Step] {
        [
            "upload.youtube": YouTubeUploadStep(
                uploads: uploads, quota: quota, http: httpClient, resolveSecret: resolveSecret, clock: clock,
                recovery: recovery)
        ]
    }
}
