import Foundation

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

    static func probe(_ url: URL) throws -> Report {
        let json = try output(
            "ffprobe",
            [
                "-v", "error", "-show_entries",
                "stream=codec_type,codec_name,width,height,pix_fmt,sample_rate:format=duration",
                "-of", "json", url.path,
            ])
        return try JSONDecoder().decode(Report.self, from: json)
    }

    /// The video frames the file holds, counted by decoding them.
    static func frames(_ url: URL) throws -> Int {
        let text = try output(
            "ffprobe",
            [
                "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries", "stream=nb_read_frames",
                "-of", "csv=p=0", url.path,
            ])
        return Int(String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Extracts the frame at `seconds` as a PNG, to look at.
    static func frame(_ url: URL, at seconds: Double, to png: URL) throws {
        try run("ffmpeg", ["-v", "error", "-y", "-ss", String(seconds), "-i", url.path, "-frames:v", "1", png.path])
    }

    @discardableResult
    static func output(_ program: String, _ arguments: [String], in folder: URL? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ProgramFailed(program: program, arguments: arguments) }
        return data
    }

    static func run(_ program: String, _ arguments: [String], in folder: URL? = nil) throws {
        try output(program, arguments, in: folder)
    }
}

struct ProgramFailed: Error, CustomStringConvertible {
    var program: String
    var arguments: [String]
    var description: String { "\(program) \(arguments.joined(separator: " ")) failed" }
}
