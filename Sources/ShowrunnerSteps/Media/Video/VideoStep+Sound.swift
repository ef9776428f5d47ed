import Foundation
import ShowrunnerCore

extension VideoStep {
    /// Writes the video's finished sound, `CompositionRecipe.sound` in `folder`: mixed, normalised (`mix`) and
    /// encoded as AAC (`CompositionRecipe.soundArguments`), so the video's ffmpeg only copies it.
    func sound(_ recipe: MixRecipe, in folder: URL) async throws {
        let wav = try await mix(recipe, in: folder)
        _ = try await tool.run("ffmpeg", CompositionRecipe.soundArguments(wav), in: folder)
    }

    /// Mixes the voice and music (`MixRecipe`) and normalises the mix (`Loudness`) in `folder`; returns the
    /// finished WAV. A silent mix (nothing to measure) is kept as it is.
    func mix(_ recipe: MixRecipe, in folder: URL) async throws -> URL {
        _ = try await tool.run("ffmpeg", recipe.arguments, in: folder)
        var gain = 0.0
        var previous: (gain: Double, integrated: Double)?
        for pass in 1...Loudness.passes {
            let output = "sound-\(pass).wav"
            let outcome = try await tool.run(
                "ffmpeg", Loudness.passArguments(recipe.output, gain: gain, output: output), in: folder)
            guard let measured = Loudness.parse(outcome.stderrTail),
                let next = Loudness.correction(after: gain, measured: measured, previous: previous),
                pass < Loudness.passes
            else { return folder.appendingPathComponent(output) }
            previous = (gain, measured.integrated)
            gain = next
        }
        return folder.appendingPathComponent(recipe.output)
    }

    /// Removes the mix, the normalisation passes and the encoded sound (the MP4 now holds them), so only the
    /// video is published.
    static func removeSound(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".wav") || name == CompositionRecipe.sound {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
