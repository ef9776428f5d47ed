import Foundation

/// Where a run's files live: artifacts under the state folder, relative paths against the config folder.
public struct ExecutionFolders: Sendable {
    /// `STATE`: artifacts go to `STATE/runs/<run-id>/<step-id>/`.
    public var state: URL
    public var config: URL

    public init(state: URL, config: URL) {
        self.state = state
        self.config = config
    }

    func artifacts(runID: String, stepID: String) -> URL {
        state.appendingPathComponent("runs/\(runID)/\(stepID)", isDirectory: true)
    }
}
