import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import Synchronization

/// Prints run events as they happen: one line per event, prefixed by the account when several run at once.
/// On a terminal, progress messages rewrite the current line; otherwise they are dropped (logs carry them).
final class ProgressPrinter: Sendable {
    private let terminal: Bool
    private let prefixWidth: Int
    private let lastWasProgress = Mutex(false)

    init(terminal: Bool = isatty(1) == 1, accountIDs: [String]) {
        self.terminal = terminal
        prefixWidth = accountIDs.count > 1 ? (accountIDs.map(\.count).max() ?? 0) : 0
    }

    func observer(for accountID: String) -> @Sendable (RunEvent) -> Void {
        { [self] event in self.print(event, account: accountID) }
    }

    private func print(_ event: RunEvent, account: String) {
        let prefix = prefixWidth > 0 ? account.padding(toLength: prefixWidth, withPad: " ", startingAt: 0) + "  " : ""
        switch event {
        case .stepProgress(let step, let message):
            guard terminal else { return }
            write("\r\u{1B}[2K\(prefix)… \(step): \(message)", progress: true)
        default:
            guard let line = Self.line(for: event, account: account) else { return }
            write(prefix + line + "\n", progress: false)
        }
    }

    private func write(_ text: String, progress: Bool) {
        lastWasProgress.withLock { last in
            var output = text
            if last && !progress && terminal { output = "\r\u{1B}[2K" + output }
            FileHandle.standardOutput.write(Data(output.utf8))
            last = progress
        }
    }

    static func line(for event: RunEvent, account: String) -> String? {
        switch event {
        case .runStarted(let runID, _): "run \(runID) started for \(account)"
        case .stepStarted(let step, let attempt): "▶ \(step)" + (attempt > 1 ? " (attempt \(attempt))" : "")
        case .stepSucceeded(let step, _, let seconds): "✔ \(step)  \(format(seconds))"
        case .stepFailed(let step, let attempt, let failure, _):
            "✘ \(step)  attempt \(attempt) failed (\(failure.kind.rawValue)): \(failure.message)"
        case .retryScheduled(let step, let after): "↻ \(step)  retrying in \(format(after.seconds))"
        case .stepSkipped(let step, let reason): "– \(step)  skipped: \(reason)"
        case .stepNote(let step, let message): "  ↳ \(step): \(message)"
        case .runFinished(let runID, let outcome):
            switch outcome {
            case .succeeded: "run \(runID) succeeded"
            case .failed(let reason): "run \(runID) failed: \(reason)"
            case .cancelled: "run \(runID) was cancelled"
            case .skipped(let skip): "run \(runID) skipped: \(skip.reason)"
            }
        case .runInterrupted(let runID): "run \(runID) interrupted; resume it with 'showrunner retry \(runID)'"
        case .stepProgress: nil
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds < 60 ? String(format: "%.2fs", seconds) : Duration.seconds(Int64(seconds)).configText
    }
}
