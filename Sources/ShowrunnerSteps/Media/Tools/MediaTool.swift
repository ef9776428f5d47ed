import Foundation
import ShowrunnerCore
import Subprocess

/// Runs espeak-ng, ffmpeg, ffprobe and fc-match through `ProcessRunner` (a session of their own; cancelling the
/// task ends the whole process tree, so a timed-out render leaves no ffmpeg behind). A program that is missing
/// fails permanently with the Debian package to install; a non-zero exit fails with the program's stderr tail.
struct MediaTool: Sendable {
    /// The Debian package that provides each program.
    static let packages = ["espeak-ng": "espeak-ng", "ffmpeg": "ffmpeg", "ffprobe": "ffmpeg", "fc-match": "fontconfig"]

    var runner: ProcessRunner

    init(grace: Duration = .seconds(5)) {
        runner = ProcessRunner(grace: grace)
    }

    /// Runs `program` (looked up on `PATH`) in `folder`. `progress` gets each line the program writes to stderr.
    /// Throws `StepFailure` when it cannot start or exits non-zero, `CancellationError` when cancelled.
    func run(
        _ program: String, _ arguments: [String], in folder: URL, stdin: String? = nil,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> ProcessOutcome {
        let outcome = try await outcome(program, arguments, in: folder, stdin: stdin, progress: progress)
        if case .exited(0) = outcome.status { return outcome }
        throw Self.failure(program, outcome)
    }

    /// Like `run`, but any exit status is returned rather than thrown (only a launch failure throws).
    func outcome(
        _ program: String, _ arguments: [String], in folder: URL, stdin: String? = nil,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> ProcessOutcome {
        let invocation = CommandInvocation(
            arguments: [program] + arguments, executablePath: nil, environment: [:], workingDirectory: folder,
            standardInput: stdin)
        do {
            return try await runner.run(invocation, progress: progress)
        } catch let error as SubprocessError {
            throw Self.launchFailure(program, error)
        }
    }

    /// The program's stdout as text; nil when it is missing or fails (for look-ups such as `espeak-ng --voices`).
    func output(_ program: String, _ arguments: [String], in folder: URL) async -> String? {
        guard let outcome = try? await run(program, arguments, in: folder) else { return nil }
        return String(decoding: outcome.stdout, as: UTF8.self)
    }

    static func launchFailure(_ program: String, _ error: SubprocessError) -> StepFailure {
        guard error.code == .executableNotFound else {
            return StepFailure(.transient, "cannot run \(program): \(error.description)")
        }
        let package = packages[program] ?? program
        return StepFailure(.permanent, "\(program) is not installed; install it with: apt-get install \(package).")
    }

    /// Exit statuses fail permanently (the same input fails again); a signal is transient (killed from outside).
    static func failure(_ program: String, _ outcome: ProcessOutcome) -> StepFailure {
        let tail = MediaLog.tail(outcome.stderrTail)
        let detail = MediaLog.summary(outcome.stderrTail).map { ": \($0)" } ?? ""
        switch outcome.status {
        case .exited(let code):
            let message = "\(program) failed with status \(code)\(detail)"
            return StepFailure(.permanent, message.hasSuffix(".") ? message : message + ".", stderrTail: tail)
        case .signaled(let signal):
            return StepFailure(.transient, "\(program) was killed by signal \(signal).", stderrTail: tail)
        }
    }
}
