import Foundation

/// Normalises the mix to YouTube's reference, −14 LUFS integrated with the true peak at most −1 dBTP, in passes:
/// each pass applies a gain, limits the peaks at −2 dBFS (leaving room for inter-sample peaks and AAC's
/// overshoot), writes the result and measures it with ffmpeg's EBU R128 meter (`ebur128`, true peak on) in the same
/// run. The first pass measures with no gain; the next corrects by what is missing (the limiter takes a little of
/// the gain on peaky speech), until the loudness is within `tolerance`.
enum Loudness {
    static let integrated = -14.0
    static let tolerance = 0.3
    static let passes = 4
    /// −2 dBFS.
    static let ceiling = 0.79

    /// What one pass measured: integrated loudness (LUFS) and true peak (dBTP) of what it wrote.
    struct Measurement: Sendable, Equatable {
        var integrated: Double
        var truePeak: Double
    }

    /// A pass over `input` with `gain` dB, written to `output` (48 kHz 16-bit stereo) and measured on stderr.
    static func passArguments(_ input: String, gain: Double, output: String) -> [String] {
        let chain = [
            String(format: "volume=%.2fdB", gain), "alimiter=limit=\(ceiling):attack=1:release=60:level=0",
            "aformat=sample_fmts=s16:sample_rates=48000:channel_layouts=stereo", "asplit=2[out][meter]",
        ]
        // Per-frame readings go to the verbose level; the summary is printed at the info level.
        let meter = "[meter]ebur128=peak=true:framelog=verbose,anullsink"
        return [
            "-hide_banner", "-nostats", "-nostdin", "-y", "-i", input, "-filter_complex",
            "[0:a]" + chain.joined(separator: ",") + ";" + meter, "-map", "[out]", "-c:a", "pcm_s16le", output,
        ]
    }

    /// The gain for the next pass after `gain` measured `measurement`; nil when it is close enough. With the pass
    /// before it (`previous`: its gain and integrated loudness), the step is scaled by how much loudness a dB of
    /// gain actually bought (the limiter takes some on peaky speech), so the third pass usually lands.
    static func correction(
        after gain: Double, measured measurement: Measurement, previous: (gain: Double, integrated: Double)? = nil
    ) -> Double? {
        let missing = integrated - measurement.integrated
        guard abs(missing) > tolerance else { return nil }
        guard let previous, gain != previous.gain else { return gain + missing }
        let slope = (measurement.integrated - previous.integrated) / (gain - previous.gain)
        return slope >= 0.5 && slope <= 1 ? gain + missing / slope : gain + missing
    }

    /// The last summary `ebur128` printed in `stderr` (ffmpeg may configure the graph twice; the first meter saw
    /// nothing); nil when there is none or it measured silence.
    static func parse(_ stderr: String) -> Measurement? {
        guard let summary = stderr.ranges(of: "Summary:").last else { return nil }
        let text = stderr[summary.upperBound...]
        guard let integrated = number(after: "I:", in: text), integrated > -70,
            let peak = number(after: "Peak:", in: text), peak.isFinite
        else { return nil }
        return Measurement(integrated: integrated, truePeak: peak)
    }

    private static func number(after label: String, in text: Substring) -> Double? {
        guard let range = text.range(of: label) else { return nil }
        return Double(text[range.upperBound...].drop { $0 == " " }.prefix { !$0.isWhitespace })
    }
}
