import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore

/// Part B: store growth (`fill`) and history latency at that size (`query`, `cli`).
enum StoreBench {
    static let accounts = 200
    static let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z
    /// One run every 5 minutes across all accounts: 100,000 runs span about 347 days.
    static let spacing: TimeInterval = 300

    // MARK: fill

    static func fill(_ options: Options, _ report: Reporter) async throws {
        let path = options.required("db")
        let runs = options.int("runs", default: 100_000)
        let concurrency = max(1, options.int("concurrency", default: 4))
        let store = try SQLiteStore(path: path)
        report.line("B. store growth: writing \(runs) runs x 8 attempts through the public RunStore API")
        report.line(
            "   (\(concurrency) concurrent writer tasks; one write transaction per record, as the executor makes them)")
        report.line("   \(path)")

        let clock = ContinuousClock()
        let started = clock.now
        let done = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var index = worker
                    while index < runs {
                        let (run, attempts) = makeRun(index)
                        guard try await store.insertRun(run) else {
                            fail("run \(run.id) was refused as a duplicate fire")
                        }
                        for attempt in attempts { try await store.insertAttempt(attempt) }
                        index += concurrency
                        done.add()
                        if worker == 0, (index / concurrency) % 10_000 == 0 {
                            let seconds = started.duration(to: clock.now).secondsValue
                            FileHandle.standardError.write(
                                Data("   … \(done.count) runs in \(String(format: "%.0f", seconds)) s\n".utf8))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let wall = started.duration(to: clock.now)
        let records = runs * 9
        report.figure(
            "b.fill.total_s", wall.secondsValue, "s", "fill wall time (\(runs) runs, \(records) records)", decimals: 1)
        report.figure("b.fill.runs_per_s", Double(runs) / wall.secondsValue, "runs/s", "fill rate")
        report.figure(
            "b.fill.us_per_write", wall.microseconds / Double(records), "µs/write",
            "per write transaction (insertRun/insertAttempt)")
    }

    /// One finished run of the shipped 7-step `shorts` shape (topic, script, voice, subtitles, thumbnail, video,
    /// upload) with 8 attempts. 95 % succeed: six steps at the first attempt, `voice` after a transient failure.
    /// Every 20th run fails: `upload` gets HTTP 429, then an `auth` failure that is not retried. Outputs are JSON
    /// of a few hundred bytes (the script text about 900); each success keeps one artifact path.
    static func makeRun(_ index: Int) -> (RunRecord, [AttemptRecord]) {
        var random = SplitMix64(seed: UInt64(index) &* 0x2545_F491_4F6C_DD1D &+ 1)
        let account = String(format: "channel-%03d", index % accounts)
        let scheduled = start.addingTimeInterval(Double(index) * spacing)
        let created = scheduled.addingTimeInterval(Double(random.next() % 900) / 1000)
        let id = RunID.make(at: created, randomIndex: { Int(random.next() % UInt64($0)) })
        let manual = index % 10 == 9
        let failed = index % 20 == 7
        var time = created.addingTimeInterval(0.05)
        let runStarted = time
        let folder = "/var/lib/showrunner/state/runs/\(id)"
        let topic = topics[index % topics.count]

        var attempts: [AttemptRecord] = []
        func attempt(
            _ step: String, _ number: Int, seconds: Double, outputs: [String: ConfigValue]? = nil,
            artifact: String? = nil, failure: StepFailure? = nil
        ) {
            let end = time.addingTimeInterval(seconds)
            attempts.append(
                AttemptRecord(
                    runID: id, stepID: step, attempt: number, status: failure == nil ? .succeeded : .failed,
                    failureKind: failure?.kind, error: failure?.message, stderrTail: failure?.stderrTail,
                    outputs: outputs, artifacts: artifact.map { ["\(folder)/\(step)/\($0)"] } ?? [], startedAt: time,
                    finishedAt: end))
            time = end.addingTimeInterval(failure == nil ? 0.01 : 2.1)
        }
        let words = 120 + Int(random.next() % 60)
        let sentence = "\(topic): here is what you need to know, step by step, in under a minute. "
        attempt(
            "topic", 1, seconds: 0.02,
            outputs: [
                "title": .string(topic), "topic": .string(topic), "list": .string("topics/\(account).txt"),
                "remaining": .int(Int(random.next() % 200)),
            ])
        attempt(
            "script", 1, seconds: 0.05,
            outputs: [
                "title": .string(topic),
                "text": .string(String(repeating: sentence, count: 11)),
                "description": .string("\(topic). New cooking episodes every weekday."),
                "tags": .list([.string("cooking"), .string("shorts"), .string("recipe")]), "words": .int(words),
            ], artifact: "script.txt")
        if !failed {
            attempt(
                "voice", 1, seconds: 1.2,
                failure: StepFailure(
                    .transient, "command 'espeak-ng' exited with status 1.",
                    stderrTail:
                        "espeak-ng: error: could not open audio device\nALSA lib pcm.c:2660: Unknown PCM default\n"))
        }
        attempt(
            "voice", failed ? 1 : 2, seconds: 3.4,
            outputs: [
                "audio": .string("\(folder)/voice/voice.wav"),
                "duration": .double(38.5 + Double(random.next() % 200) / 10),
                "voice": .string("en-us+f3"), "sample_rate": .int(22050),
            ], artifact: "voice.wav")
        attempt(
            "subtitles", 1, seconds: 0.3,
            outputs: ["srt": .string("\(folder)/subtitles/captions.srt"), "cues": .int(words / 6)],
            artifact: "captions.srt")
        attempt(
            "thumbnail", 1, seconds: 0.6,
            outputs: ["image": .string("\(folder)/thumbnail/thumbnail.png"), "width": .int(1280), "height": .int(720)],
            artifact: "thumbnail.png")
        attempt(
            "video", 1, seconds: 41.0,
            outputs: [
                "video": .string("\(folder)/video/video.mp4"), "duration": .double(40.2), "width": .int(1080),
                "height": .int(1920), "bytes": .int(4_000_000 + Int(random.next() % 3_000_000)),
            ], artifact: "video.mp4")
        if failed {
            attempt(
                "upload", 1, seconds: 0.8,
                failure: StepFailure(
                    .rateLimit, "HTTP 429 Too Many Requests from the upload endpoint; retrying after 30 s."))
            attempt(
                "upload", 2, seconds: 0.4,
                failure: StepFailure(
                    .auth, "HTTP 401 from the upload endpoint: invalid_grant; re-authorise the account."))
        } else {
            attempt(
                "upload", 1, seconds: 6.5,
                outputs: [
                    "path": .string("/srv/videos/\(account)/\(id).mp4"),
                    "sidecar": .string("/srv/videos/\(account)/\(id).json"), "video_id": .string(id),
                    "url": .string("file:///srv/videos/\(account)/\(id).mp4"),
                ], artifact: "upload.json")
        }
        let run = RunRecord(
            id: id, accountID: account, pipeline: "shorts", trigger: manual ? .manual : .schedule,
            scheduledAt: manual ? nil : scheduled, status: failed ? .failed : .succeeded,
            reason: failed ? "step 'upload' failed: HTTP 401 from the upload endpoint: invalid_grant." : nil,
            configRevision: "3f9c2e1a7b4d-dirty", createdAt: created, startedAt: runStarted, finishedAt: time)
        return (run, attempts)
    }

    static let topics = [
        "Five-minute tomato soup", "Crispy chickpeas in the oven", "The perfect soft-boiled egg",
        "One-pan lemon chicken", "Homemade flatbread without yeast", "Quick pickled red onions",
        "Miso butter noodles", "Overnight oats three ways", "Garlic butter mushrooms", "Banana bread in a mug",
    ]

    // MARK: query

    static func query(_ options: Options, _ report: Reporter) async throws {
        let path = options.required("db")
        let calls = max(1, options.int("calls", default: 200))
        let store = try SQLiteStore(path: path)
        report.line("B. history latency on \(path): \(calls) calls each, warm (10 warm-up calls first)")
        let newest = RunQuery(limit: 50)
        try await latency("b.runs", "runs(matching: limit 50)", calls, report) {
            let page = try await store.runs(matching: newest)
            guard page.count == 50 else { fail("runs(matching:) returned \(page.count) runs") }
        }
        try await latency("b.history", "history(matching: limit 50)", calls, report) {
            let page = try await store.history(matching: newest)
            guard page.count == 50, page.allSatisfy({ $0.attempts == 8 }) else {
                fail("history(matching:) returned \(page.count) entries or wrong attempt counts")
            }
        }
        let account = RunQuery(accountID: "channel-042", limit: 50)
        try await latency("b.history_account", "history(matching: one account, limit 50)", calls, report) {
            _ = try await store.history(matching: account)
        }
        let failed = RunQuery(status: .failed, limit: 50)
        try await latency("b.history_failed", "history(matching: status failed, limit 50)", calls, report) {
            _ = try await store.history(matching: failed)
        }
        // A deep page: the cursor is the 50,000th newest run.
        if let cursor = try await store.runs(matching: RunQuery(limit: 50_000)).last {
            let deep = RunQuery(limit: 50, before: cursor.id)
            try await latency("b.history_deep", "history(matching: before 50,000th run, limit 50)", calls, report) {
                _ = try await store.history(matching: deep)
            }
        }
    }

    static func latency(
        _ key: String, _ label: String, _ calls: Int, _ report: Reporter, _ body: () async throws -> Void
    ) async throws {
        for _ in 0..<10 { try await body() }
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<calls {
            let started = clock.now
            try await body()
            samples.append(started.duration(to: clock.now).milliseconds)
        }
        report.figure("\(key).p50_ms", percentile(samples, 50), "ms", "\(label) median", decimals: 3)
        report.figure("\(key).p99_ms", percentile(samples, 99), "ms", "\(label) p99", decimals: 3)
    }

    // MARK: cli

    /// Wall time of `showrunner history --state DIR --limit 50` (process start to exit, output to /dev/null).
    static func cli(_ options: Options, _ report: Reporter) async throws {
        let binary = options.required("binary")
        let state = options.required("state")
        let repeats = max(1, options.int("repeats", default: 20))
        // An empty config folder, so no showrunner.yaml of the current directory is read.
        let config = try makeTemporaryFolder("engine-bench-config")
        defer { try? FileManager.default.removeItem(at: config) }
        let arguments = ["history", "--config", config.path, "--state", state, "--limit", "50"]
        report.line(
            "B. CLI: \(binary) \(arguments.joined(separator: " ")) > /dev/null, \(repeats) runs after 2 warm-up runs")
        report.line("   and, as the floor, \(binary) --help")
        let history = try wallTimes(binary, arguments, repeats: repeats)
        // The floor: process start, dynamic linking and argument parsing, without the store.
        let help = try wallTimes(binary, ["--help"], repeats: repeats)
        let samples = history
        report.figure("b.cli.p50_ms", percentile(samples, 50), "ms", "showrunner history --limit 50, wall median")
        report.figure("b.cli.min_ms", samples.min() ?? .nan, "ms", "showrunner history --limit 50, wall best")
        report.figure("b.cli.max_ms", samples.max() ?? .nan, "ms", "showrunner history --limit 50, wall worst")
        report.figure("b.cli_help.p50_ms", percentile(help, 50), "ms", "floor: showrunner --help, wall median")
        report.figure("b.cli_help.min_ms", help.min() ?? .nan, "ms", "floor: showrunner --help, wall best")
    }

    /// Wall times in ms of `repeats` runs of `binary arguments` (stdout and stderr to /dev/null), after 2 warm-up runs.
    static func wallTimes(_ binary: String, _ arguments: [String], repeats: Int) throws -> [Double] {
        let clock = ContinuousClock()
        var samples: [Double] = []
        for index in 0..<(repeats + 2) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            let started = clock.now
            try process.run()
            process.waitUntilExit()
            let elapsed = started.duration(to: clock.now).milliseconds
            guard process.terminationStatus == 0 else {
                fail("showrunner \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
            }
            if index >= 2 { samples.append(elapsed) }
        }
        return samples
    }
}
