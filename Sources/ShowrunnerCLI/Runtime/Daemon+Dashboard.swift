import Foundation
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerEngine

/// The daemon as the dashboard's source: schedules from the registry and scheduler, the step kinds and quota
/// projects of the versions that run, and the config's state.
extension Daemon: DashboardSource {
    /// At most this many files are read for the source lines of one config status.
    static let sourceFileLimit = 200

    func upcomingSchedules() async -> [UpcomingSchedule] { scheduler.upcomingSchedules() }

    func scheduleGeneration() async -> Int? { scheduleChanges.load(ordering: .relaxed) }

    func stepKinds() async -> [String: [String: String]] {
        var kinds: [String: [String: String]] = [:]
        // Overrides change a step's settings, never its kind: one entry per pipeline.
        for version in registry.goodVersions where kinds[version.pipeline.name] == nil {
            kinds[version.pipeline.name] = Dictionary(
                version.pipeline.steps.map { ($0.id, $0.uses) }, uniquingKeysWith: { first, _ in first })
        }
        return kinds
    }

    func quotaPlan() async -> QuotaPlan {
        let quota = (registry.settings ?? settingsAtStart)?.providers.youtube.quota ?? ProviderSettings.Quota()
        var projects: [String: String] = [:]
        for version in registry.goodVersions
        where version.pipeline.steps.contains(where: { $0.uses == "upload.youtube" }) {
            let project = version.account.channel.youtube?.project.trimmingCharacters(in: .whitespaces) ?? ""
            projects[version.account.id] = project.isEmpty ? "default" : project
        }
        return QuotaPlan(
            dailyUnits: quota.dailyUnits, separateInserts: quota.insertBucket == "separate", projects: projects)
    }

    func configStatus() async -> ConfigStatus {
        let directory = registry.loader.directory
        let reports = registry.reportsByPath
        let diagnostics = registry.diagnostics
        let lastGood = reports.values.compactMap { report -> LastGoodAccount? in
            guard !report.isValid, let good = registry.goodVersion(report.id) else { return nil }
            let reason = report.diagnostics.first { $0.severity == .error }?.rendered ?? "The file is invalid."
            return LastGoodAccount(
                accountID: report.id, file: report.document.path, revision: good.revision, reason: reason)
        }
        let lines = Self.sourceLines(of: diagnostics, in: directory)
        return ConfigStatusBuilder.build(
            paths: Array(reports.keys) + Self.otherConfigFiles(directory), diagnostics: diagnostics, lastGood: lastGood,
            revision: reloadLog.revision(directory: directory), lastReload: reloadLog.last,
            sourceLine: { file, line in lines[file].flatMap { SourceLine.line(line, of: $0) } })
    }

    /// The text of the files the diagnostics point into (at most `sourceFileLimit`, each at most 1 MiB).
    static func sourceLines(of diagnostics: [Diagnostic], in directory: URL) -> [String: String] {
        let files = Set(diagnostics.filter { $0.line != nil }.map(\.file)).sorted().prefix(sourceFileLimit)
        var texts: [String: String] = [:]
        for file in files {
            let url = directory.appendingPathComponent(file)
            guard let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize, size <= 1 << 20,
                let data = try? Data(contentsOf: url)
            else { continue }
            texts[file] = String(decoding: data, as: UTF8.self)
        }
        return texts
    }

    /// The pipeline files and `showrunner.yaml` (account files are the registry's reports).
    static func otherConfigFiles(_ directory: URL) -> [String] {
        let pipelines = ConfigFiles.list(directory.appendingPathComponent(ConfigFiles.pipelinesFolder)) ?? []
        let settings = ConfigFiles.settingsNames.filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
        return pipelines.map { "\(ConfigFiles.pipelinesFolder)/\($0)" } + settings
    }
}
