/// Bounded waits for tests: the observable effect is checked until it shows or a real-time deadline passes, so a
/// test fails with a reason instead of hanging, and never depends on a count of yields or polls.
public enum Deadline {
    /// How long a wait lasts before the test is called stuck. It is a hang detector, not a timing: the whole suite
    /// runs at once on CI's 2 cores and keeps the cooperative pool busy for about 90 s, during which a test's tasks
    /// progress in bursts (100 runs of `SchedulerBatchTests` took 58 s to settle there, and failed a 60-s bound).
    public static let stuckAfter = Duration.seconds(300)

    /// The effect did not show in time.
    public struct Missed: Error, CustomStringConvertible {
        public let what: String
        public init(what: String) { self.what = what }
        public var description: String { "timed out waiting until \(what)" }
    }

    /// Checks `condition` every millisecond until it holds; throws `Missed` after `limit` of real time.
    public static func until(
        _ what: String, within limit: Duration = stuckAfter, _ condition: () throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + limit
        while try !condition() {
            guard ContinuousClock.now < deadline else { throw Missed(what: what) }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Runs `operation` (which must return when cancelled); throws `Missed` if it has not returned after `limit` of
    /// real time.
    public static func within(
        _ what: String, _ limit: Duration = stuckAfter, _ operation: @escaping @Sendable () async -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                await operation()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            defer { group.cancelAll() }
            if try await group.next() == false { throw Missed(what: what) }
        }
    }
}
