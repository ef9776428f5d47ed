/// Finished attempts of one step of one pipeline, on the UTC day their run finished, in one duration bucket
/// (`DurationBuckets`): mergeable across days and steps, so percentiles need no raw durations.
public struct StepDayBucket: Sendable, Hashable {
    public var day: Int
    public var pipeline: String
    public var stepID: String
    public var succeeded: Bool
    public var bucket: Int
    public var count: Int
    /// The attempts' summed duration.
    public var milliseconds: Int64
    /// The summed `duration_s` output (the media length a `tts` or `video` step made); 0 when none.
    public var mediaSeconds: Double

    public init(
        day: Int, pipeline: String, stepID: String, succeeded: Bool, bucket: Int, count: Int, milliseconds: Int64,
        mediaSeconds: Double = 0
    ) {
        self.day = day
        self.pipeline = pipeline
        self.stepID = stepID
        self.succeeded = succeeded
        self.bucket = bucket
        self.count = count
        self.milliseconds = milliseconds
        self.mediaSeconds = mediaSeconds
    }
}
