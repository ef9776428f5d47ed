import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore

/// A trivial in-process step: checks that its templated input arrived, returns a small output.
struct EchoStep: Step {
    func run(_ context: StepContext) async throws -> StepResult {
        _ = try context.requiredString("text")
        return StepResult(outputs: ["title": .string("x")])
    }
}

/// Part A: executor overhead with the real SQLite store on disk.
enum ExecutorBench {
    static let stepIDs = ["topic", "script", "voice", "subtitles", "thumbnail", "video"]

    /// Six steps in a chain, each rendering the previous step's output into its input; retry and timeout as the
    /// shipped pipelines set them (attempts 3, exponential backoff, 10 min timeout).
    static let plan: Pipeline = {
        var retry = RetryPolicy.default
        retry.attempts = 3
        var steps: [PipelineStep] = []
        for (index, id) in stepIDs.enumerated() {
            let text = index == 0 ? "{{ vars.greeting }} {{ channel.type }}" : "{{ steps.\(stepIDs[index - 1]).title }}"
            steps.append(
                PipelineStep(
                    id: id, uses: "bench.echo", needs: index == 0 ? [] : [stepIDs[index - 1]],
                    with: ["text": .string(text)], retry: retry, timeout: .seconds(600)))
        }
        return Pipeline(name: "bench", steps: steps)
    }()

    static let account = Account(
        id: "bench", channel: Channel(type: "cooking"), schedule: nil, pipeline: .named("bench"),
        vars: ["greeting": .string("hello")])

    static func environment(store: SQLiteStore, folder: URL) -> ExecutionEnvironment {
        ExecutionEnvironment(
            runs: store, stepStores: StepStores(store), steps: ["bench.echo": EchoStep()], time: ExecutionTime(),
            randomness: ExecutionRandomness(jitter: { 1.0 }),
            folders: ExecutionFolders(state: folder.appendingPathComponent("state", isDirectory: true), config: folder),
            settings: DaemonSettings(),
            resolveSecret: { _ throws(StepFailure) in throw StepFailure(.permanent, "no secrets in the bench") },
            owner: { OwnerProbe.current(now: Date()) },
            reporting: ExecutionReporting(logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })))
    }

    static func run(_ options: Options, _ report: Reporter) async throws {
        let runs = options.int("runs", default: 1000)
        let warmup = options.int("warmup", default: 20)
        let concurrency = max(1, options.int("concurrency", default: 4))
        // The folders are left for the caller to delete (run.sh does, at the end): deleting thousands of
        // folders between measurements makes ext4's next inode allocations slower for a minute or more.
        let base = options.string("dir")
        let steps = plan.steps.count
        report.line(
            "A. executor overhead: \(runs) runs of a \(steps)-step chain of in-process steps (+\(warmup) warm-up runs)")
        report.line("   stores and artifacts in \(base ?? FileManager.default.temporaryDirectory.path)/engine-bench-*")

        let modes = Set((options.string("modes") ?? "seq,par,mem,writes,dirs").split(separator: ",").map(String.init))
        let repeats = max(1, options.int("repeats", default: 3))
        report.line(
            "   each measurement \(repeats)x, modes interleaved; the best (fastest) of the \(repeats) is reported")

        // Rounds interleave the modes, so that other load on the machine hits them alike.
        var sequential: [Measurement] = []
        var parallel: [Measurement] = []
        var memory: [Measurement] = []
        var writes: [Sample] = []
        var folders: [Sample] = []
        for round in 1...repeats {
            FileHandle.standardError.write(Data("   … round \(round) of \(repeats)\n".utf8))
            if modes.contains("seq") {
                sequential.append(
                    try await measure(store: .disk, runs: runs, warmup: warmup, concurrency: 1, base: base))
            }
            if modes.contains("par") {
                parallel.append(
                    try await measure(store: .disk, runs: runs, warmup: warmup, concurrency: concurrency, base: base))
            }
            if modes.contains("mem") {
                memory.append(try await measure(store: .memory, runs: runs, warmup: warmup, concurrency: 1, base: base))
            }
            if modes.contains("writes") {
                writes.append(try await replayStoreWrites(runs: runs, warmup: warmup, base: base))
            }
            if modes.contains("dirs") {
                folders.append(try replayArtifactFolders(runs: runs, warmup: warmup, base: base))
            }
        }
        let perStep = { (wall: Duration) in wall.microseconds / Double(runs * steps) }
        let cpuPerStep = { (sample: Sample) in sample.cpu / Double(runs * steps) }

        // 1. Sequential, on-disk store: the headline figure.
        if let best = sequential.map(\.sample).best {
            let median = percentile(sequential.map { perStep($0.sample.wall) }, 50)
            let latencies = sequential.min { $0.sample.wall < $1.sample.wall }!.latencies
            report.line("  on-disk SQLite store (WAL), one run at a time:")
            report.figure(
                "a.seq.total_s", best.wall.secondsValue, "s", "wall time, \(runs) runs sequential", decimals: 3)
            report.figure(
                "a.seq.us_per_step", perStep(best.wall), "µs/step", "per step (incl. its store writes), sequential")
            report.figure("a.seq.us_per_step_median", median, "µs/step", "  same, median of the \(repeats) repeats")
            report.figure(
                "a.seq.cpu_us_per_step", cpuPerStep(best), "µs/step", "  CPU time (user+sys, all threads) per step")
            report.figure(
                "a.seq.runs_per_s", Double(runs) / best.wall.secondsValue, "runs/s", "runs per second, sequential")
            report.figure("a.seq.run_p50_ms", percentile(latencies, 50), "ms", "run latency median", decimals: 3)
            report.figure("a.seq.run_p99_ms", percentile(latencies, 99), "ms", "run latency p99", decimals: 3)
        }

        // 2. Several runs at once, on-disk store.
        if let best = parallel.map(\.sample).best {
            report.line("  on-disk SQLite store, \(concurrency) runs at a time:")
            report.figure(
                "a.par.total_s", best.wall.secondsValue, "s", "wall time, \(runs) runs, \(concurrency) concurrent",
                decimals: 3)
            report.figure(
                "a.par.runs_per_s", Double(runs) / best.wall.secondsValue, "runs/s",
                "runs per second, \(concurrency) concurrent")
            report.figure(
                "a.par.us_per_step", perStep(best.wall), "µs/step", "wall per step, \(concurrency) concurrent")
        }

        // 3. Where the time goes (sequential): the executor on an in-memory store, the store writes alone, the
        //    artifact folders alone, and what remains of the on-disk figure. Wall and CPU time.
        if !modes.isDisjoint(with: ["mem", "writes", "dirs"]) {
            report.line("  breakdown (sequential; wall, and CPU time of all threads, per step):")
        }
        if let best = memory.map(\.sample).best {
            report.figure("a.mem.us_per_step", perStep(best.wall), "µs/step", "executor with an in-memory store, wall")
            report.figure("a.mem.cpu_us_per_step", cpuPerStep(best), "µs/step", "executor with an in-memory store, CPU")
        }
        if let best = writes.best {
            report.figure(
                "a.writes.us_per_step", perStep(best.wall), "µs/step", "its 2.5 store writes alone (on disk), wall")
            report.figure(
                "a.writes.cpu_us_per_step", cpuPerStep(best), "µs/step", "its 2.5 store writes alone (on disk), CPU")
            report.figure(
                "a.writes.us_per_write", best.wall.microseconds / Double(runs * (3 + 2 * steps)), "µs/write",
                "  one store write transaction, wall")
        }
        if let best = folders.best {
            report.figure(
                "a.dirs.us_per_step", perStep(best.wall), "µs/step",
                "its artifacts folder alone (createDirectory), wall")
            report.figure(
                "a.dirs.cpu_us_per_step", cpuPerStep(best), "µs/step",
                "its artifacts folder alone (createDirectory), CPU")
        }
        if let seq = sequential.map(\.sample).best, let write = writes.best, let folder = folders.best {
            report.figure(
                "a.rest.us_per_step", perStep(seq.wall) - perStep(write.wall) - perStep(folder.wall), "µs/step",
                "the rest (templates, state machine, tasks), wall")
            report.figure(
                "a.rest.cpu_us_per_step", cpuPerStep(seq) - cpuPerStep(write) - cpuPerStep(folder), "µs/step",
                "the rest (templates, state machine, tasks), CPU")
        }
    }

    enum StoreKind { case disk, memory }

    struct Measurement {
        var sample: Sample
        var latencies: [Double]  // ms per run
    }

    static func measure(
        store kind: StoreKind, runs: Int, warmup: Int, concurrency: Int, base: String?
    ) async throws -> Measurement {
        let folder = try makeTemporaryFolder("engine-bench-a", base: base)
        let path = folder.appendingPathComponent("state/showrunner.sqlite").path
        let store = kind == .disk ? try SQLiteStore(path: path) : try SQLiteStore.inMemory()
        let launcher = RunLauncher(
            executor: RunExecutor(environment: environment(store: store, folder: folder)), probe: OwnerProbe())
        // As `showrunner trigger` runs one: a coordinator executing runs while the measurement asks for them.
        let coordinator = RunCoordinator(
            launcher: launcher, accountStates: store, maxConcurrentRuns: max(4, concurrency),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let collisions = Counter()
        let (sample, latencies) = try await coordinator.whileRunning { () async throws -> (Sample, [Double]) in
            for _ in 0..<warmup { _ = try await launch(coordinator, collisions) }
            let clock = ContinuousClock()
            var latencies: [Double] = []
            latencies.reserveCapacity(runs)
            let started = clock.now
            let cpuStarted = cpuMicroseconds()
            if concurrency == 1 {
                for _ in 0..<runs {
                    let runStart = clock.now
                    _ = try await launch(coordinator, collisions)
                    latencies.append(runStart.duration(to: clock.now).milliseconds)
                }
            } else {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    var next = 0
                    while next < min(concurrency, runs) {
                        group.addTask { _ = try await launch(coordinator, collisions) }
                        next += 1
                    }
                    while try await group.next() != nil {
                        if next < runs {
                            group.addTask { _ = try await launch(coordinator, collisions) }
                            next += 1
                        }
                    }
                }
            }
            return (Sample(wall: started.duration(to: clock.now), cpu: cpuMicroseconds() - cpuStarted), latencies)
        }

        // Every run must have succeeded with one attempt per step.
        let history = try await store.history(matching: RunQuery(limit: runs + warmup + 10))
        let good = history.filter { $0.run.status == .succeeded && $0.attempts == plan.steps.count }
        guard history.count == runs + warmup, good.count == history.count else {
            fail(
                "executor bench: \(good.count) of \(history.count) runs succeeded with \(plan.steps.count) attempts (expected \(runs + warmup))"
            )
        }
        return Measurement(sample: sample, latencies: latencies)
    }

    /// Run ids are random (5 characters per second); on the rare duplicate the insert fails before anything ran,
    /// so the launch is simply repeated.
    static func launch(_ coordinator: RunCoordinator, _ collisions: Counter) async throws -> RunOutcome? {
        let submission = RunSubmission(
            account: account, mergedPipeline: plan, trigger: .manual, scheduledAt: nil, configRevision: nil)
        for _ in 0..<5 {
            do {
                let (_, outcome) = try await coordinator.runToEnd(submission, overlap: nil)
                guard outcome == .succeeded else { fail("a bench run ended \(String(describing: outcome))") }
                return outcome
            } catch let error where "\(error)".contains("UNIQUE constraint failed: runs.id") {
                collisions.add()
            }
        }
        fail("five run-id collisions in a row")
    }

    /// The artifacts folders the executor creates for one run (`STATE/runs/<run-id>/<step-id>/`, one per attempt),
    /// without the executor.
    static func replayArtifactFolders(runs: Int, warmup: Int, base: String?) throws -> Sample {
        let folder = try makeTemporaryFolder("engine-bench-d", base: base)
        let clock = ContinuousClock()
        var started = clock.now
        var cpuStarted = cpuMicroseconds()
        for index in 0..<(warmup + runs) {
            if index == warmup { (started, cpuStarted) = (clock.now, cpuMicroseconds()) }
            for step in plan.steps {
                let url = folder.appendingPathComponent(
                    "state/runs/20261127-093012-\(index)/\(step.id)", isDirectory: true)
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }
        return Sample(wall: started.duration(to: clock.now), cpu: cpuMicroseconds() - cpuStarted)
    }

    /// The writes the executor makes for one run of the plan, without the executor: 3 run updates + 2 per step.
    static func replayStoreWrites(runs: Int, warmup: Int, base: String?) async throws -> Sample {
        let folder = try makeTemporaryFolder("engine-bench-w", base: base)
        let store = try SQLiteStore(path: folder.appendingPathComponent("state/showrunner.sqlite").path)
        let result = StepResult(outputs: ["title": .string("x")])
        let clock = ContinuousClock()
        var started = clock.now
        var cpuStarted = cpuMicroseconds()
        for index in 0..<(warmup + runs) {
            if index == warmup { (started, cpuStarted) = (clock.now, cpuMicroseconds()) }
            let now = Date()
            let run = RunRecord(
                id: "w\(index)", accountID: account.id, pipeline: plan.name, trigger: .manual, createdAt: now)
            _ = try await store.insertRun(run)
            try await store.updateRun(
                id: run.id, status: .running, reason: nil, owner: OwnerProbe.current(now: now), at: now)
            for step in plan.steps {
                try await store.insertAttempt(
                    AttemptRecord(runID: run.id, stepID: step.id, attempt: 1, startedAt: Date()))
                try await store.finishAttempt(
                    runID: run.id, stepID: step.id, attempt: 1, status: .succeeded, failure: nil, result: result,
                    at: Date())
            }
            try await store.updateRun(id: run.id, status: .succeeded, reason: nil, owner: nil, at: Date())
        }
        return Sample(wall: started.duration(to: clock.now), cpu: cpuMicroseconds() - cpuStarted)
    }
}
