import Foundation
import Testing

/// `validate` checks a Piper voice's model file before anything runs: a missing one is an error at `voice.model`
/// that names the file.
@Suite(.serialized) struct ValidatePiperTests {
    @Test func aMissingPiperModelIsAnErrorNamingTheFile() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["accounts.d", "pipelines"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try "name: p\nsteps:\n  - { id: voice, uses: tts, with: { text: hello } }\n".write(
            to: folder.appendingPathComponent("pipelines/p.yaml"), atomically: true, encoding: .utf8)
        let yaml =
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\n"
            + "voice: { provider: piper, model: voices/missing.onnx }\npipeline: p\n"
        try yaml.write(to: folder.appendingPathComponent("accounts.d/a.yaml"), atomically: true, encoding: .utf8)

        let checked = try CommandRunner.run(["validate", "--config", folder.path])
        #expect(checked.status == 1)
        let model = folder.appendingPathComponent("voices/missing.onnx").standardized.path
        #expect(
            checked.stdout.contains(
                "accounts.d/a.yaml:3:34: error: voice.model: voice provider 'piper': the Piper voice model \(model) "
                    + "does not exist; set voice.model to an installed .onnx file."),
            "\(checked.stdout)")
        let skipped = try CommandRunner.run(["validate", "--config", folder.path, "--no-preflight"])
        #expect(skipped.status == 0, "\(skipped.stdout)")
    }
}
