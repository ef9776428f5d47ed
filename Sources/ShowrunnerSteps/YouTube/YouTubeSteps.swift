import ShowrunnerCore

extension BuiltInSteps {
    /// `upload.youtube`, by its `uses:` name. It remembers uploads in the context's `stores.uploads` (created before
    /// any byte is sent) and spends quota through `stores.quota`, sends through `httpClient`,
    /// resolves `channel.youtube.credentials` with `resolveSecret`, and waits between in-attempt recoveries on
    /// `clock`.
    public static func youtubeSteps(
        httpClient: HTTPClient = HTTPClient(),
        resolveSecret: @escaping SecretReference.Resolver,
        clock: any Clock<Duration> = ContinuousClock(), recovery: UploadRecovery = UploadRecovery()
    ) -> [String: any Step] {
        [
            "upload.youtube": YouTubeUploadStep(
                http: httpClient, resolveSecret: resolveSecret, clock: clock,
                recovery: recovery)
        ]
    }
}
