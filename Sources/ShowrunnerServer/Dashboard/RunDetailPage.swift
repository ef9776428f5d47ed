import Foundation
import ShowrunnerCore
import ShowrunnerEngine

/// The run detail page's view model: the run, its attempts (secrets masked), the step graph's nodes, the
/// artifacts that can be served from the run's folder, the script and the YouTube link.
struct RunDetailPage {
    var run: RunRecord
    var attempts: [AttemptRecord]
    var nodes: [StepGraphSVG.Node]
    var zone: String?
    var retriedBy: String?
    var artifacts: [ArtifactFiles.Artifact]
    /// The script step's title and text, when a step produced them.
    var script: (title: String?, text: String)?
    var youtubeURL: String?
    var now: Date

    static func load(
        runID: String, control: any DaemonControl, runs: any RunHistory, files: ArtifactFiles, masking: OutputMasking,
        now: Date
    ) async throws -> RunDetailPage? {
        guard let run = try await runs.run(id: runID) else { return nil }
        let attempts = try await runs.attempts(runID: run.id).map(masking.mask)
        let plan = await control.mergedPipeline(accountID: run.accountID)
        var artifacts: [ArtifactFiles.Artifact] = []
        for attempt in attempts where attempt.status == .succeeded || attempt.status == .reused {
            for path in attempt.artifacts {
                if let artifact = files.artifact(recordedPath: path, runID: run.id), !artifacts.contains(artifact) {
                    artifacts.append(artifact)
                }
            }
        }
        let outputs = attempts.filter { $0.status == .succeeded }.compactMap(\.outputs)
        let script = outputs.last { $0["text"]?.stringValue != nil }.map {
            (title: $0["title"]?.stringValue, text: $0["text"]?.stringValue ?? "")
        }
        let youtube = outputs.compactMap { $0["url"]?.stringValue }.last { Self.isYouTube($0) }
        return RunDetailPage(
            run: run, attempts: attempts, nodes: StepGraphSVG.nodes(plan: plan, attempts: attempts),
            zone: await control.jobs(accountID: run.accountID).first?.timezone,
            retriedBy: try await runs.retryRun(of: run.id)?.id, artifacts: artifacts, script: script,
            youtubeURL: youtube, now: now)
    }

    /// Only links to YouTube are shown as such (an output is not trusted to be a safe link).
    static func isYouTube(_ url: String) -> Bool {
        url.hasPrefix("https://youtu.be/") || url.hasPrefix("https://www.youtube.com/")
    }
}
