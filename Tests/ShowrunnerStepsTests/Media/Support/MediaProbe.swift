import Foundation
import ShowrunnerTestSupport

/// Looks at media files with ffprobe, and runs helper programs, for the tests.
enum MediaProbe {
    struct Stream: Decodable {
        var codec_type: String
        var codec_name: String
        var width: Int?
        var height: Int?
        var pix_fmt: String?
        /// Audio streams only.
        var sample_rate: String?
    }

    struct Format: Decodable {
        /// Absent for a still image.
        var duration: String?
    }

    struct Report: Decodable {
        var streams: [Stream]
        var format: Format

        var duration: Double { format.duration.flatMap(Double.init) ?? -1 }
        var video: Stream? { streams.first { $0.codec_type == "video" } }
        var audio: Stream? { streams.first { $0.codec_type == "audio" } }
    }

    static func probe(_ url: URL) async throws -> Report {
        let json = try await output(
            "ffprobe",
            [
                "-v", "error", "-show_entries",
                "stream=codec_type,codec_name,width,height,pix_fmt,sample_rate:format=duration",
                "-of", "json", url.path,
            ])
        return try JSONDecoder().decode(Report.self, from: json)
    }

    /// The video frames the file holds, counted by decoding them.
    static func frames(_ url: URL) async throws -> Int {
        let text = try await output(
            "ffprobe",
            [
                "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries", "stream=nb_read_frames",
                "-of", "csv=p=0", url.path,
            ])
        return Int(String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Extracts the frame at `seconds` as a PNG, to look at.
    static func frame(_ url: URL, at seconds: Double, to png: URL) async throws {
        try await run(
            "ffmpeg", ["-v", "error", "-y", "-ss", String(seconds), "-i", url.path, "-frames:v", "1", png.path])
    }

    @discardableResult
    static func output(_ program: String, _ arguments: [String], in folder: URL? = nil) async throws -> Data {
        try await TestProgram.succeeding(program, arguments, in: folder).stdout
    }

    static func run(_ program: String, _ arguments: [String], in folder: URL? = nil) async throws {
        try await output(program, arguments, in: folder)
    }
}
