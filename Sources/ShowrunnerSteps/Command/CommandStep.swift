import Foundation
import Logging
import ShowrunnerCore
import Subprocess

/// `command`: runs a program (argv, no shell) in its own session. A JSON object printed on stdout becomes the
/// outputs; other text is the `stdout` output. Cancellation (timeout, shutdown) ends the whole process tree.
public struct CommandStep: Step {
    let runner: ProcessRunner
    let logger: Logger?

    /// `grace`: how long the processes have between SIGTERM and SIGKILL when the step is cancelled; `logger` gets
    /// the start and end of each command at debug level.
    public init(grace: Duration = .seconds(5), logger: Logger? = nil) {
        self.runner = ProcessRunner(grace: grace)
        self.logger = logger
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        let invocation = try CommandInvocation.from(context)
        let redact = context.redact
        let metadata: Logger.Metadata = ["step.id": "\(context.stepID)", "program": "\(redact(invocation.program))"]
        logger?.debug("command starting", metadata: metadata)
        let outcome: ProcessOutcome
        do {
            outcome = try await runner.run(invocation) { line in context.progress(redact(line)) }
        } catch let error as SubprocessError {
            throw Self.launchFailure(error, invocation, redact: redact)
        }
        logger?.debug("command finished", metadata: metadata.merging(["status": "\(outcome.status)"]) { $1 })
        return try Self.result(of: outcome, invocation, redact: redact)
    }

    /// Describes the command line (secrets redacted) without running it.
    public func dryRun(_ context: StepContext) async throws -> StepResult {
        let invocation = try CommandInvocation.from(context)
        let description = "would run \(invocation.commandLine) in \(invocation.workingDirectory.path)"
        return StepResult(outputs: ["description": .string(context.redact(description))])
    }

    static func launchFailure(
        _ error: SubprocessError, _ invocation: CommandInvocation, redact: (String) -> String
    ) -> StepFailure {
        let program = redact(invocation.program)
        switch error.code {
        case .executableNotFound where invocation.executablePath == nil:
            return StepFailure(.permanent, "command '\(program)' was not found on PATH.")
        case .executableNotFound:
            return StepFailure(
                .permanent, "command '\(program)' does not exist or is not executable (\(invocation.executablePath!)).")
        case .failedToChangeWorkingDirectory:
            return StepFailure(.permanent, "cannot enter the workdir \(invocation.workingDirectory.path).")
        case .spawnFailed where [EACCES, ENOEXEC, ENOENT, ENOTDIR].contains(error.underlyingError?.rawValue):
            return StepFailure(.permanent, "cannot start '\(program)': \(redact(error.description))")
        default:
            return StepFailure(.transient, "cannot run '\(program)': \(redact(error.description))")
        }
    }
}
