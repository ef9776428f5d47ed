import Foundation
import ShowrunnerCore

extension VideoStep {
    /// Mixes the voice and music (`MixRecipe`) and normalises the mix (`Loudness`) in `folder`; returns the
    /// finished WAV. A silent mix (nothing to measure) is kept as it is.
    func mix(_ recipe: MixRecipe, in folder: URL) async throws -> URL {
        _ = try await tool.run("ffmpeg", recipe.arguments, in: folder)
        var gain = 0.0
        for pass in 1...Loudness.passes {
            let output = "sound-\(pass).wav"
            let outcome = try await tool.run(
                "ffmpeg", Loudness.passArguments(recipe.output, gain: gain, output: output), in: folder)
            guard let measured = Loudness.parse(outcome.stderrTail),
                let next = Loudness.correction(after: gain, measured: measured), pass < Loudness.passes
            else { return folder.appendingPathComponent(output) }
            gain = next
        }
        return folder.appendingPathComponent(recipe.output)
    }

    /// Removes the mix, the normalisation passes and the encoded sound (the MP4 now holds them), so only the
    /// video is published.
    static func removeSound(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".wav") || name == SegmentedComposition.sound {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
