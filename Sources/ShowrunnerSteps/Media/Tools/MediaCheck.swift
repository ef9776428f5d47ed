import Foundation
import ShowrunnerCore

/// Checks a file a media step produced before the step reports success: ffprobe must find a duration close to the
/// expected one, and decoding the last second (`ffmpeg -v error -sseof -1 -i FILE -f null -`) must print no error.
/// A truncated or garbled file fails both ways (with `+faststart` the index at the front still gives the full
/// duration; only the decode sees the missing end). A failed check is a transient failure: the next attempt renders
/// again.
struct MediaCheck: Sendable {
    var tool: MediaTool

    /// `expected` seconds (nil: any positive duration).
    func verify(_ file: URL, what: String, expected: Double?) async throws {
        let duration = try await probeDuration(file, what: what)
        if let problem = Self.durationProblem(measured: duration, expected: expected) {
            throw StepFailure(.transient, "the \(what) \(file.lastPathComponent) is not whole: \(problem).")
        }
        try await decode(file, what: what, arguments: ["-sseof", "-1"])
    }

    /// A still image: it must decode without an error.
    func verifyImage(_ file: URL, what: String) async throws {
        try await decode(file, what: what, arguments: [])
    }

    /// Why `measured` seconds is wrong for a file that should last `expected`; nil when it is fine.
    static func durationProblem(measured: Double?, expected: Double?) -> String? {
        guard let measured, measured.isFinite, measured > 0 else { return "ffprobe finds no duration" }
        guard let expected else { return nil }
        guard abs(measured - expected) <= tolerance(for: expected) else {
            return "it lasts \(seconds(measured)) s instead of \(seconds(expected)) s"
        }
        return nil
    }

    /// Half a second, or 2 % of a long file (encoders pad the last audio frame and round to whole video frames).
    static func tolerance(for expected: Double) -> Double { max(0.5, expected * 0.02) }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

    private func probeDuration(_ file: URL, what: String) async throws -> Double? {
        let arguments = ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", "file:" + file.path]
        let outcome = try await tool.outcome("ffprobe", arguments, in: file.deletingLastPathComponent())
        try Self.requireSuccess(outcome, "ffprobe", what, file)
        return Double(String(decoding: outcome.stdout, as: UTF8.self).trimmingSpaces())
    }

    private func decode(_ file: URL, what: String, arguments: [String]) async throws {
        let command = ["-v", "error", "-nostdin"] + arguments + ["-i", "file:" + file.path, "-f", "null", "-"]
        let outcome = try await tool.outcome("ffmpeg", command, in: file.deletingLastPathComponent())
        try Self.requireSuccess(outcome, "ffmpeg", what, file)
        if let first = MediaLog.summary(outcome.stderrTail) {
            throw StepFailure(
                .transient, "the \(what) \(file.lastPathComponent) does not decode cleanly: \(first)",
                stderrTail: MediaLog.tail(outcome.stderrTail))
        }
    }

    /// A checking tool that fails could not read the file: the file's fault, so transient, and said so.
    private static func requireSuccess(
        _ outcome: ProcessOutcome, _ program: String, _ what: String, _ file: URL
    ) throws(StepFailure) {
        if case .exited(0) = outcome.status { return }
        let cause = MediaTool.failure(program, outcome)
        throw StepFailure(
            .transient, "the \(what) \(file.lastPathComponent) is damaged: \(cause.message)",
            stderrTail: cause.stderrTail)
    }
}
