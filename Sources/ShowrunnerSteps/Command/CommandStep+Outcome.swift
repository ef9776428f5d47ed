import Foundation
import ShowrunnerCore
import Subprocess

/// Turns how a command ended into outputs or a `StepFailure`.
extension CommandStep {
    static func result(
        of outcome: ProcessOutcome, _ invocation: CommandInvocation, redact: (String) -> String
    ) throws(StepFailure) -> StepResult {
        let program = redact(invocation.program)
        let stderrTail = outcome.stderrTail.isEmpty ? nil : redact(outcome.stderrTail)
        switch outcome.status {
        case .exited(0):
            return try outputs(of: outcome, program: program, redact: redact)
        case .exited(let code):
            let detail = outcome.stderrLastLine.map { ": \(redact($0))" } ?? ""
            let message = "command '\(program)' exited with status \(code)\(detail)"
            throw StepFailure(failureKind(exitStatus: code), sentence(message), stderrTail: stderrTail)
        case .signaled(let signal):
            let message = "command '\(program)' was killed by signal \(signal)\(signalName(signal))."
            throw StepFailure(.transient, message, stderrTail: stderrTail)
        }
    }

    /// sysexits usage/data/config errors (64–78, except 75 EX_TEMPFAIL) and the shell's "cannot execute" (126) and
    /// "not found" (127) will fail again: permanent. Any other status may be a passing problem: transient.
    static func failureKind(exitStatus code: Int32) -> FailureKind {
        switch code {
        case 75: .transient
        case 64...78, 126, 127: .permanent
        default: .transient
        }
    }

    private static func outputs(
        of outcome: ProcessOutcome, program: String, redact: (String) -> String
    ) throws(StepFailure) -> StepResult {
        guard !outcome.stdoutOverflowed else {
            throw StepFailure(
                .permanent,
                "command '\(program)' printed more than \(ProcessRunner.stdoutLimit / 1024) KiB on stdout; "
                    + "write large results to a file and print its path.")
        }
        let text = String(decoding: outcome.stdout, as: UTF8.self).trimmingSpaces()
        guard text.hasPrefix("{") else { return StepResult(outputs: ["stdout": .string(text)]) }
        do {
            return StepResult(outputs: try JSONDecoder().decode([String: ConfigValue].self, from: Data(text.utf8)))
        } catch {
            let excerpt = text.count > 120 ? text.prefix(120) + "…" : text
            throw StepFailure(.permanent, "command '\(program)' printed invalid JSON: \(redact(String(excerpt)))")
        }
    }

    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    private static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL",
            SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM", SIGBUS: "SIGBUS",
        ]
        return names[signal].map { " (\($0))" } ?? ""
    }
}
