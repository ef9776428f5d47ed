import Foundation
import ShowrunnerCore
import Subprocess

/// Speech from the account's own program (`voice.run`, argv, no shell): it reads the script on stdin and writes
/// the audio to the path that replaces `{{ output }}` in its arguments (a `.wav` path in the step's folder; any
/// format ffmpeg reads is accepted and converted). A relative program path is relative to the config folder.
struct CommandSpeech: Sendable {
    var runner: ProcessRunner

    func synthesize(_ text: String, context: StepContext, in folder: URL) async throws -> URL {
        let output = folder.appendingPathComponent("speech.wav")
        try? FileManager.default.removeItem(at: output)
        let invocation = try Self.invocation(
            context.account.voice.run ?? [], text: text, output: output.path, context: context, folder: folder)
        let outcome: ProcessOutcome
        do {
            outcome = try await runner.run(invocation) { _ in }
        } catch let error as SubprocessError {
            throw CommandStep.launchFailure(error, invocation, redact: context.redact)
        }
        try Self.check(outcome, invocation, redact: context.redact)
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? nil
        guard let size, size > 0 else {
            throw StepFailure(
                .permanent, "voice command '\(invocation.program)' wrote no audio to {{ output }} (\(output.path)).")
        }
        return output
    }

    /// The argv with every `{{ output }}` (spaces optional) replaced by `output`; the script is its stdin.
    static func invocation(
        _ run: [String], text: String, output: String, context: StepContext, folder: URL
    ) throws(StepFailure) -> CommandInvocation {
        guard let program = run.first, !program.isEmpty else {
            throw StepFailure(.permanent, "voice provider 'command' needs run: [program, args…].")
        }
        let arguments = run.map { substitute($0, output: output) }
        guard arguments != run else {
            throw StepFailure(
                .permanent, "voice.run must contain {{ output }} where the program should write the audio.")
        }
        return CommandInvocation(
            arguments: arguments, executablePath: program.contains("/") ? context.path(program).path : nil,
            environment: [:], workingDirectory: folder, standardInput: text)
    }

    static func substitute(_ argument: String, output: String) -> String {
        argument.replacingOccurrences(
            of: #"\{\{\s*output\s*\}\}"#, with: NSRegularExpression.escapedTemplate(for: output),
            options: .regularExpression)
    }

    private static func check(
        _ outcome: ProcessOutcome, _ invocation: CommandInvocation, redact: (String) -> String
    ) throws(StepFailure) {
        let program = redact(invocation.program)
        let tail = outcome.stderrTail.isEmpty ? nil : redact(outcome.stderrTail)
        switch outcome.status {
        case .exited(0): return
        case .exited(let code):
            let detail = outcome.stderrLastLine.map { ": \(redact($0))" } ?? ""
            let message = "voice command '\(program)' exited with status \(code)\(detail)"
            throw StepFailure(
                CommandStep.failureKind(exitStatus: code), message.hasSuffix(".") ? message : message + ".",
                stderrTail: tail)
        case .signaled(let signal):
            throw StepFailure(
                .transient, "voice command '\(program)' was killed by signal \(signal).", stderrTail: tail)
        }
    }
}
