import Foundation
import ShowrunnerTestSupport

/// Measures rendered media with ffmpeg's own meters (EBU R128, astats, scene detection), for the tests.
enum MediaMeter {
    /// Integrated loudness (LUFS) and true peak (dBTP) of `file`'s audio, from `ebur128`'s summary.
    static func loudness(_ file: URL) async throws -> (integrated: Double, truePeak: Double) {
        let log = try await stderr(
            "ffmpeg", ["-nostats", "-i", file.path, "-af", "ebur128=peak=true", "-f", "null", "-"])
        let summary = log[(log.range(of: "Summary:")?.upperBound ?? log.startIndex)...]
        guard let integrated = number(after: "I:", in: summary), let peak = number(after: "Peak:", in: summary) else {
            throw ProgramFailed(program: "ebur128", arguments: [file.path])
        }
        return (integrated, peak)
    }

    /// RMS level (dB) of `file`'s audio between `start` and `end` seconds, below about 250 Hz only.
    static func lowLevel(_ file: URL, from start: Double, to end: Double) async throws -> Double {
        let filters = "atrim=start=\(start):end=\(end),lowpass=f=250,lowpass=f=250,lowpass=f=250,astats"
        let log = try await stderr("ffmpeg", ["-nostats", "-i", file.path, "-af", filters, "-f", "null", "-"])
        let overall = log[(log.range(of: "Overall")?.upperBound ?? log.startIndex)...]
        guard let level = number(after: "RMS level dB:", in: overall) else {
            throw ProgramFailed(program: "astats", arguments: [file.path])
        }
        return level
    }

    /// The times (seconds) of frames that differ from the one before by more than `threshold` (ffmpeg's scene
    /// score).
    static func sceneChanges(_ file: URL, threshold: Double = 0.3) async throws -> [Double] {
        let log = try await stderr(
            "ffmpeg",
            ["-nostats", "-i", file.path, "-vf", "select='gt(scene,\(threshold))',showinfo", "-f", "null", "-"])
        return log.split(separator: "\n").compactMap { line in
            guard line.contains("Parsed_showinfo"), let range = line.range(of: "pts_time:") else { return nil }
            return Double(line[range.upperBound...].prefix { !$0.isWhitespace })
        }
    }

    /// The grey level (0–255) of the pixel at (`x`, `y`) of the frame at `seconds`.
    static func grey(_ file: URL, at seconds: Double, x: Int, y: Int) async throws -> Int {
        let data = try await MediaProbe.output(
            "ffmpeg",
            [
                "-v", "error", "-ss", String(seconds), "-i", file.path, "-frames:v", "1", "-vf",
                "crop=1:1:\(x):\(y),format=gray", "-f", "rawvideo", "-",
            ])
        return Int(data.first ?? 0)
    }

    private static func number(after label: String, in text: Substring) -> Double? {
        guard let range = text.range(of: label) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { !$0.isWhitespace })
    }

    private static func stderr(_ program: String, _ arguments: [String]) async throws -> String {
        try await TestProgram.succeeding(program, arguments).stderr
    }
}
