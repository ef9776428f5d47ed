/// Where a run stands according to its recorded attempts.
extension ResumePoint {
    /// Succeeded steps and their outputs, attempt numbers, and (`countFailures`, for a resume) the failures that
    /// count against each step's retry budget as `RunStateMachine.countsAgainstRetries` decides.
    public static func from(
        _ attempts: [AttemptRecord], countFailures: Bool
    ) -> (ResumePoint, [String: [String: ConfigValue]]) {
        var point = ResumePoint()
        var outputs: [String: [String: ConfigValue]] = [:]
        for attempt in attempts {
            point.lastAttempt[attempt.stepID] = max(point.lastAttempt[attempt.stepID, default: 0], attempt.attempt)
            switch attempt.status {
            case .succeeded, .reused:
                point.succeeded.insert(attempt.stepID)
                outputs[attempt.stepID] = attempt.outputs ?? [:]
            case .failed where countFailures:
                if RunStateMachine.countsAgainstRetries(attempt.failureKind ?? .transient) {
                    point.countedFailures[attempt.stepID, default: 0] += 1
                }
            default:
                break
            }
        }
        return (point, outputs)
    }
}
