import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerSteps
import ShowrunnerStore
import ShowrunnerTestSupport
import Synchronization

@testable import ShowrunnerEngine

/// An executor wired to an in-memory SQLite store, fake steps and a manual clock.
struct Harness {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    /// Deterministic "randomness": run ids differ, nothing depends on chance.
    static let counter = Atomic<UInt64>(0)

    /// SplitMix64 over a counter: deterministic, and run ids made at the same instant differ.
    static func nextRandom() -> Int {
        var z = counter.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) >> 1)
    }

    let clock = ManualClock()
    let store: SQLiteStore
    let steps: [String: any Step]
    let folder: URL
    /// Removes `folder` when the last copy of the harness is gone.
    private let owner: TemporaryFolder
    var jitter: Double = 1.0
    var environment: [String: String] = [:]
    var maxParallelSteps = 4
    var kindLimiter = KindLimiter(limits: [:])

    init(steps: [String: any Step]) throws {
        store = try SQLiteStore.inMemory()
        self.steps = steps
        owner = try TemporaryFolder(prefix: "engine-test")
        folder = owner.url
    }

    func executionEnvironment(owner pid: Int32 = getpid()) -> ExecutionEnvironment {
        let clock = clock
        let now: @Sendable () -> Date = { Harness.start.addingTimeInterval(clock.now.offset.seconds) }
        let jitter = jitter
        let resolver = SecretResolver(configDirectory: folder, environment: environment)
        return ExecutionEnvironment(
            runs: store, stepStores: StepStores(store), steps: steps,
            time: ExecutionTime(clock: clock, now: now, heartbeatInterval: .seconds(3600)),
            randomness: ExecutionRandomness(jitter: { jitter }, randomIndex: { Harness.nextRandom() % max($0, 1) }),
            folders: ExecutionFolders(state: folder.appendingPathComponent("state"), config: folder),
            limits: ExecutionLimits(maxParallelSteps: maxParallelSteps, kindLimiter: kindLimiter),
            settings: DaemonSettings(),
            resolveSecret: { reference throws(StepFailure) in try resolver.resolve(reference) },
            owner: { RunOwner(host: ProcessInfo.processInfo.hostName, pid: pid, heartbeatAt: now()) },
            reporting: ExecutionReporting(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
    }

    func launcher() -> RunLauncher {
        let clock = clock
        let probe = OwnerProbe(
            staleAfter: .seconds(120), now: { Harness.start.addingTimeInterval(clock.now.offset.seconds) })
        return RunLauncher(executor: RunExecutor(environment: executionEnvironment()), probe: probe)
    }

    static let account = Account(
        id: "cooking", channel: Channel(type: "cooking"), schedule: nil, pipeline: .named("p"),
        vars: ["greeting": .string("hello")])

    static func step(
        _ id: String, _ uses: String, needs: [String] = [], with: [String: ConfigValue] = [:], attempts: Int = 3,
        timeout: Duration? = nil, optional: Bool = false
    ) -> PipelineStep {
        var retry = RetryPolicy.default
        retry.attempts = attempts
        return PipelineStep(
            id: id, uses: uses, needs: needs, with: with, retry: retry, timeout: timeout, optional: optional)
    }

    /// Attempts as `step#attempt:status` strings, in recording order.
    func attemptSummary(_ runID: String) async throws -> [String] {
        try await store.attempts(runID: runID).map { "\($0.stepID)#\($0.attempt):\($0.status.rawValue)" }
    }
}
