// The reload path after the debounce, in-process, on the daemon's own objects: what `ConfigWatcher.flush()` and
// `Daemon.configChanged` do once the 50 ms of quiet are over —
//   1. registry.apply([path])                      (read + parse the changed file, re-validate what it affects)
//   2. the report's applied/removed ids → [id: ScheduledAccount?]   (Daemon.configChanged)
//   3. await scheduler.update(changes)             (only those accounts' timetable entries)
//   4. scheduler.jobs(accountID:)                  (what GET /api/scheduler/jobs?account=ID reads, before JSON)
// timed separately for EDITS edits (write a temp file outside the folder, rename() it over an account file with a
// new daily cron), on a folder written by gen_config.py. The scheduler runs (its service loop is started) over a
// real SQLite store, as in DaemonAssembly.
//
// usage: ReloadBench --config DIR --state DIR [--edits 100] [--results FILE]
import BenchConfig
import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}

var options: [String: String] = [:]
do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    var index = 0
    while index + 1 < arguments.count, arguments[index].hasPrefix("--") {
        options[String(arguments[index].dropFirst(2))] = arguments[index + 1]
        index += 2
    }
    if index != arguments.count { fail("usage: ReloadBench --config DIR --state DIR [--edits N] [--results FILE]") }
}
guard let configPath = options["config"], let statePath = options["state"] else {
    fail("usage: ReloadBench --config DIR --state DIR [--edits N] [--results FILE]")
}
let edits = Int(options["edits"] ?? "100") ?? 100
let resultsPath = options["results"]

extension Duration {
    var ms: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}

func elapsedMS(_ start: ContinuousClock.Instant) -> Double { start.duration(to: .now).ms }

/// Nearest-rank percentile.
func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[max(0, min(sorted.count - 1, rank - 1))]
}

func result(_ key: String, _ samples: [Double], _ label: String) {
    let p50 = percentile(samples, 50)
    let p99 = percentile(samples, 99)
    let max = samples.max() ?? .nan
    let padded = label.padding(toLength: 50, withPad: " ", startingAt: 0)
    print("  \(padded)" + String(format: " p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms", p50, p99, max))
    guard let resultsPath else { return }
    let record =
        "inproc_\(key) unit=ms " + String(format: "p50=%.3f p99=%.3f max=%.3f n=%d\n", p50, p99, max, samples.count)
    if let handle = FileHandle(forWritingAtPath: resultsPath) {
        handle.seekToEndOfFile()
        handle.write(Data(record.utf8))
        handle.closeFile()
    } else {
        _ = FileManager.default.createFile(atPath: resultsPath, contents: Data(record.utf8))
    }
}

let directory = URL(fileURLWithPath: configPath, isDirectory: true)
let loader = ConfigLoader(directory: configPath)
let registry = ConfigRegistry(
    loader: loader, secrets: loader.secretChecker(strict: false), revision: { GitRevision.read(directory) })
let loadStart = ContinuousClock.now
let initial = registry.rescan()
let loadMS = elapsedMS(loadStart)
print(
    String(
        format: "  registry.rescan() of the whole folder: %.0f ms (%d applied, %d errors)", loadMS,
        initial.applied.count, initial.errors.count))
guard initial.errors.isEmpty else { fail("the folder has errors: \(initial.errors.prefix(3))") }

let logger = Logger(label: "reload-bench", factory: { _ in SwiftLogNoOpLogHandler() })
let stateDirectory = URL(fileURLWithPath: statePath, isDirectory: true)
let store = try SQLiteStore(path: stateDirectory.appendingPathComponent("showrunner.sqlite").path)
let environment = ExecutionEnvironment(
    runs: store, stepStores: StepStores(store), steps: [:], time: ExecutionTime(),
    randomness: ExecutionRandomness(jitter: { 1.0 }, randomIndex: { Int.random(in: 0..<max($0, 1)) }),
    folders: ExecutionFolders(state: stateDirectory, config: directory), settings: DaemonSettings(),
    resolveSecret: { _ throws(StepFailure) in "" }, owner: { OwnerProbe.current(now: Date()) },
    reporting: ExecutionReporting(logger: logger))
let launcher = RunLauncher(executor: RunExecutor(environment: environment), probe: OwnerProbe())
let coordinator = RunCoordinator(launcher: launcher, accountStates: store, maxConcurrentRuns: 1000, logger: logger)
let scheduler = Scheduler(
    coordinator: coordinator, accountStates: store, clock: ContinuousClock(), now: { Date() }, logger: logger,
    probe: launcher.probe)

func scheduled(_ version: ConfigRegistry.GoodVersion) -> ScheduledAccount {
    ScheduledAccount(
        account: version.account, pipeline: version.pipeline, contentHash: version.contentHash,
        configRevision: version.revision)
}

func scheduledAccounts() -> [ScheduledAccount] { registry.goodVersions.map(scheduled) }

await scheduler.apply(scheduledAccounts())
let service = Task { try await scheduler.run() }
let startWait = ContinuousClock.now
while scheduler.jobs().filter({ $0.nextRunAt != nil }).count < initial.applied.count {
    if elapsedMS(startWait) > 120_000 { fail("the scheduler did not schedule every account within 120 s") }
    try await Task.sleep(for: .milliseconds(20))
}
print("  scheduler started with \(scheduler.jobs().count) jobs")

// The account files, and a new daily time for each edit that is far from now (nothing fires meanwhile).
let accountsFolder = directory.appendingPathComponent("accounts.d")
let files = try FileManager.default.contentsOfDirectory(atPath: accountsFolder.path).filter { $0.hasSuffix(".yaml") }
    .sorted()
guard files.count >= edits else { fail("need at least \(edits) account files") }
let scratch = directory.deletingLastPathComponent().appendingPathComponent("reload-bench-tmp", isDirectory: true)
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
let hour =
    (Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).hour! + 12) % 24

var applyMS: [Double] = []
var mapMS: [Double] = []
var schedulerMS: [Double] = []
var jobsMS: [Double] = []
var totalMS: [Double] = []
let stride = files.count / edits
for edit in 0..<edits {
    let name = files[edit * stride]
    let id = String(name.dropLast(".yaml".count))
    let path = accountsFolder.appendingPathComponent(name)
    let text = try String(contentsOf: path, encoding: .utf8)
    var cron = "\(edit % 60) \(hour) * * *"
    if text.contains("  cron: \"\(cron)\"\n") { cron = "\((edit + 1) % 60) \(hour) * * *" }
    let edited = text.replacingOccurrences(
        of: #"(?m)^  cron: ".*"$"#, with: "  cron: \"\(cron)\"", options: .regularExpression)
    guard edited != text else { fail("\(name): no cron line to change") }
    let temporary = scratch.appendingPathComponent(name)
    try edited.write(to: temporary, atomically: false, encoding: .utf8)
    guard rename(temporary.path, path.path) == 0 else { fail("rename failed: errno \(errno)") }

    let start = ContinuousClock.now
    let report = registry.apply(["accounts.d/\(name)"])
    let afterApply = ContinuousClock.now
    // As the daemon does (`Daemon.configChanged`): the registry's version now of each applied or removed id.
    let versions = (report.removed + report.applied).map { ($0, registry.goodVersion($0)) }
    let changed = versions.compactMap { $0.1.map(scheduled) }
    let removed = versions.filter { $0.1 == nil }.map(\.0)
    let afterMap = ContinuousClock.now
    await scheduler.update(scheduled: changed, removed: removed)
    let afterScheduler = ContinuousClock.now
    let job = scheduler.jobs(accountID: id).first
    let end = ContinuousClock.now
    guard report.applied == [id], job?.cron == cron, job?.nextRunAt != nil else {
        fail("edit \(edit) of \(id) not applied: \(report), job \(String(describing: job))")
    }
    applyMS.append((afterApply - start).ms)
    mapMS.append((afterMap - afterApply).ms)
    schedulerMS.append((afterScheduler - afterMap).ms)
    jobsMS.append((end - afterScheduler).ms)
    totalMS.append((end - start).ms)
}

print("  \(edits) edits of \(files.count) accounts (rename() over the file, new daily cron), after the debounce:")
result("registry_apply", applyMS, "1. ConfigRegistry.apply([changed file])")
result("changes", mapMS, "2. the report's ids → their good versions")
result("scheduler_update", schedulerMS, "3. Scheduler.update(scheduled:removed:)")
result("scheduler_job", jobsMS, "4. Scheduler.jobs(accountID:)")
result("total", totalMS, "1-4 total (what runs after the 50 ms debounce)")
service.cancel()
