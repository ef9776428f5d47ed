import Foundation
import ShowrunnerCore

/// What `showrunner doctor` asks of the machine one thing at a time (the preflight itself checks per account).
extension MediaPreflight {
    /// The Debian package that has the font thumbnails and subtitles are drawn with.
    public static let fontPackage = FontLocator.package

    /// The path of DejaVu Sans Bold (through fontconfig, else its usual path), or nil when it is missing.
    public func fontPath() async -> String? {
        await FontLocator.boldSans(
            fcMatch: { await probe.output("fc-match", ["-f", "%{file}", FontLocator.pattern]) },
            fileExists: probe.fileExists)
    }

    /// The first line `program` prints for `arguments` (`ffmpeg -version`), or nil when it cannot run.
    public func firstLine(of program: String, _ arguments: [String]) async -> String? {
        guard let output = await probe.output(program, arguments) else { return nil }
        return output.split(separator: "\n").first.map { String($0).trimmingSpaces() }
    }

    /// The Python and the model file a Piper voice would use, or the sentence that says which file is missing.
    public func piper(_ voice: Voice) -> Result<(python: String, model: String), PiperProblem> {
        do {
            let runtime = try PiperRuntime.resolve(
                voice, configDirectory: configDirectory, fileExists: probe.fileExists)
            return .success((runtime.python, runtime.model))
        } catch {
            return .failure(PiperProblem(key: error.key, message: error.description))
        }
    }

    /// Why a Piper voice cannot run: the config key to fix and one sentence naming the file.
    public struct PiperProblem: Error, Sendable, CustomStringConvertible {
        public var key: String
        public var message: String
        public var description: String { "\(key): \(message)" }
    }
}
