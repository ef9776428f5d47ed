import Foundation
import ShowrunnerCore

/// Asks ffprobe what a user's file holds before it goes into a render, so a corrupt clip or a music file that is
/// not audio fails with its name instead of deep inside an ffmpeg graph.
struct MediaInspector: Sendable {
    var tool: MediaTool

    /// Fails permanently unless `file` has a stream of `type` (`video` or `audio`) that ffprobe can read.
    func require(_ type: String, in file: URL, what: String) async throws {
        let arguments = [
            "-v", "error", "-select_streams", type == "audio" ? "a:0" : "v:0", "-show_entries", "stream=codec_type",
            "-of", "csv=p=0", "file:" + file.path,
        ]
        let outcome = try await tool.outcome("ffprobe", arguments, in: file.deletingLastPathComponent())
        let found = String(decoding: outcome.stdout, as: UTF8.self).trimmingSpaces()
        guard case .exited(0) = outcome.status, found.hasPrefix(type) else {
            let detail = MediaLog.summary(outcome.stderrTail).map { ": \($0)" } ?? " (ffprobe finds no \(type))"
            let noun = type == "audio" ? "audio" : "a picture or video"
            throw StepFailure(
                .permanent, "the \(what) \(file.path) is not \(noun) ffmpeg can read\(detail)",
                stderrTail: MediaLog.tail(outcome.stderrTail))
        }
    }

    /// Seconds of a clip (the intro and outro); fails permanently when ffprobe finds none.
    func duration(of file: URL, what: String) async throws -> Double {
        try await require("video", in: file, what: what)
        let arguments = ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", "file:" + file.path]
        let outcome = try await tool.outcome("ffprobe", arguments, in: file.deletingLastPathComponent())
        guard let seconds = Double(String(decoding: outcome.stdout, as: UTF8.self).trimmingSpaces()), seconds > 0
        else { throw StepFailure(.permanent, "the \(what) \(file.path) has no duration ffprobe can read.") }
        return seconds
    }
}
