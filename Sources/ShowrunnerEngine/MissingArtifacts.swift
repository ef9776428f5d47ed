import Foundation
import ShowrunnerCore

/// Completed steps whose files are not on this machine: a run taken over from another node re-runs them (artifacts
/// are local unless the state folder is on shared storage). A step that recorded no files stays done.
enum MissingArtifacts {
    /// The succeeded steps whose latest success lists a file that does not exist (relative paths are under `state`).
    static func steps(
        _ attempts: [AttemptRecord], state: URL, exists: (String) -> Bool = MissingArtifacts.fileExists
    ) -> Set<String> {
        var latest: [String: AttemptRecord] = [:]
        for attempt in attempts where attempt.status == .succeeded { latest[attempt.stepID] = attempt }
        return Set(
            latest.values.filter { attempt in
                attempt.artifacts.contains { path in
                    !exists(path.hasPrefix("/") ? path : state.appendingPathComponent(path).path)
                }
            }.map(\.stepID))
    }

    static func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// `point` and `outputs` without the steps in `missing`: they run again.
    static func rerun(
        _ missing: Set<String>, _ point: ResumePoint, _ outputs: [String: [String: ConfigValue]]
    ) -> (ResumePoint, [String: [String: ConfigValue]]) {
        var point = point
        point.succeeded.subtract(missing)
        return (point, outputs.filter { !missing.contains($0.key) })
    }
}
