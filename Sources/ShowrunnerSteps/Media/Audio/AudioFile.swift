import Foundation
import ShowrunnerCore

/// Reading audio files: the WAV header when the file is a WAV, ffprobe otherwise; conversion to WAV with ffmpeg.
enum AudioFile {
    /// Enough bytes to reach the `data` chunk of any ordinary WAV (metadata chunks come first).
    static let headerLimit = 64 * 1024

    /// The WAV header of `url`; nil when the file is not a WAV. Throws when it cannot be read or is a broken WAV.
    static func wavInfo(_ url: URL) throws(StepFailure) -> WAVInfo? {
        let header: [UInt8]
        let size: Int
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            header = Array(try handle.read(upToCount: headerLimit) ?? Data())
            size = Int(try handle.seekToEnd())
        } catch {
            throw StepFailure(.permanent, "cannot read the audio \(url.path): \(error.localizedDescription)")
        }
        guard WAVInfo.isWAV(header) else { return nil }
        do {
            return try WAVInfo(header: header, fileSize: size)
        } catch {
            throw StepFailure(.permanent, "the audio \(url.path) is a broken WAV file: \(error).")
        }
    }

    /// Seconds of audio: from the WAV header, or `ffprobe` for other formats.
    static func duration(of url: URL, tool: MediaTool) async throws -> Double {
        if let info = try wavInfo(url) { return info.duration }
        let arguments = ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", "file:" + url.path]
        let outcome = try await tool.run("ffprobe", arguments, in: url.deletingLastPathComponent())
        let text = String(decoding: outcome.stdout, as: UTF8.self).trimmingSpaces()
        guard let seconds = Double(text), seconds.isFinite, seconds > 0 else {
            throw StepFailure(.permanent, "ffprobe found no duration in \(url.path) (it printed '\(text)').")
        }
        return seconds
    }

    /// `source` as `target` in 16-bit PCM WAV: renamed when it already is a WAV, converted with ffmpeg otherwise.
    static func makeWAV(from source: URL, to target: URL, tool: MediaTool) async throws -> WAVInfo {
        if try wavInfo(source) != nil {
            if source != target {
                try? FileManager.default.removeItem(at: target)
                do {
                    try FileManager.default.moveItem(at: source, to: target)
                } catch {
                    throw StepFailure(.permanent, "cannot move \(source.path) to \(target.path): \(error).")
                }
            }
        } else {
            let arguments = [
                "-v", "error", "-nostdin", "-y", "-i", "file:" + source.path, "-vn", "-c:a", "pcm_s16le",
                "file:" + target.path,
            ]
            _ = try await tool.run("ffmpeg", arguments, in: target.deletingLastPathComponent())
        }
        guard let info = try wavInfo(target), info.dataSize > 0 else {
            throw StepFailure(.permanent, "the speech audio \(target.path) holds no sound.")
        }
        return info
    }

    /// `parts` (files in one folder, of one format) played one after another, as a WAV at `target`. ffmpeg's concat
    /// demuxer joins the samples without a gap, so there is no click at the joins.
    static func concatenate(_ parts: [URL], to target: URL, tool: MediaTool) async throws -> URL {
        let folder = target.deletingLastPathComponent()
        let list = folder.appendingPathComponent("parts.txt")
        let lines = parts.map { "file '" + $0.lastPathComponent.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        try OutputFolder.write(lines.joined(separator: "\n") + "\n", to: list)
        let arguments = [
            "-v", "error", "-nostdin", "-y", "-f", "concat", "-safe", "0", "-i", list.lastPathComponent, "-vn", "-c:a",
            "pcm_s16le", target.lastPathComponent,
        ]
        _ = try await tool.run("ffmpeg", arguments, in: folder)
        return target
    }
}
