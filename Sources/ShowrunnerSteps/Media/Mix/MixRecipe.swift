import Foundation

/// The ffmpeg command that mixes the sound of the whole video into a float WAV: the voice, delayed by the intro
/// and padded with silence to `duration`; under it the music (looped by its input, trimmed to `duration`, faded in
/// and out, set to `musicVolume` dB) ducked by a sidechain compressor that listens to the voice. 48 kHz stereo.
struct MixRecipe: Sendable, Equatable {
    static let fadeIn = 1.5
    static let fadeOut = 2.5
    /// The compressor starts ducking when the voice passes about −36 dBFS and then pulls the music down hard: ten
    /// to one, within 20 ms, letting go over 350 ms (so it stays down between words, and comes back in pauses).
    static let ducking = "sidechaincompress=threshold=0.016:ratio=10:attack=20:release=350:makeup=1"
    static let layout = "aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo"

    var voice: URL
    var music: URL?
    var musicVolume: Double
    /// Seconds of intro before the voice starts.
    var lead: Double
    var duration: Double
    var output: String

    var arguments: [String] {
        var inputs = ["-i", "file:" + voice.path]
        if let music { inputs += ["-stream_loop", "-1", "-i", "file:" + music.path] }
        return ["-v", "error", "-nostdin", "-y"] + inputs
            + ["-filter_complex", filterGraph, "-map", "[mix]", "-t", seconds(duration), "-c:a", "pcm_f32le", output]
    }

    var filterGraph: String {
        let delay = Int((lead * 1000).rounded())
        let voice = "[0:a]\(Self.layout),adelay=delays=\(delay):all=1,apad=whole_dur=\(seconds(duration))"
        guard music != nil else { return voice + "[mix]" }
        let fadeOut = min(Self.fadeOut, duration / 3)
        let bed = [
            Self.layout, "atrim=duration=\(seconds(duration))", "asetpts=PTS-STARTPTS",
            "afade=t=in:d=\(seconds(min(Self.fadeIn, duration / 3)))",
            "afade=t=out:st=\(seconds(duration - fadeOut)):d=\(seconds(fadeOut))",
            "volume=\(String(format: "%.1f", musicVolume))dB",
        ]
        return [
            voice + ",asplit=2[voice][key]", "[1:a]" + bed.joined(separator: ",") + "[bed]",
            "[bed][key]\(Self.ducking)[ducked]", "[voice][ducked]amix=inputs=2:duration=first:normalize=0[mix]",
        ].joined(separator: ";")
    }

    private func seconds(_ value: Double) -> String { String(format: "%.3f", max(value, 0)) }
}
