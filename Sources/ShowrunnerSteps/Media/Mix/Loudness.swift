import Foundation

/// Normalises the mix to YouTube's reference, −14 LUFS integrated with the true peak at most −1 dBTP, in passes:
/// each pass applies a gain, limits the peaks at four times the sample rate (so inter-sample peaks are caught) at
/// −1.5 dBFS, writes the result and measures it with `loudnorm`'s EBU R128 meter in the same run. The first pass
/// measures with no gain; the next corrects by what is missing (the limiter takes a little of the gain on peaky
/// speech), until the loudness is within `tolerance`.
enum Loudness {
    static let integrated = -14.0
    static let tolerance = 0.3
    static let passes = 4
    /// −1.5 dBFS, leaving AAC's overshoot room under −1 dBTP.
    static let ceiling = 0.84

    /// What one pass measured: integrated loudness (LUFS) and true peak (dBTP) of what it wrote.
    struct Measurement: Sendable, Equatable {
        var integrated: Double
        var truePeak: Double
    }

    /// A pass over `input` with `gain` dB, written to `output` (48 kHz 16-bit stereo) and measured on stderr.
    static func passArguments(_ input: String, gain: Double, output: String) -> [String] {
        let chain = [
            String(format: "volume=%.2fdB", gain), "aresample=192000",
            "alimiter=limit=\(ceiling):attack=1:release=60:level=0", "aresample=48000",
            "aformat=sample_fmts=s16:channel_layouts=stereo", "asplit=2[out][meter]",
        ]
        let meter = "[meter]loudnorm=I=\(integrated):TP=-1:LRA=20:print_format=json,anullsink"
        return [
            "-hide_banner", "-nostats", "-nostdin", "-y", "-i", input, "-filter_complex",
            "[0:a]" + chain.joined(separator: ",") + ";" + meter, "-map", "[out]", "-c:a", "pcm_s16le", output,
        ]
    }

    /// The gain for the next pass after `gain` measured `measurement`; nil when it is close enough.
    static func correction(after gain: Double, measured measurement: Measurement) -> Double? {
        let missing = integrated - measurement.integrated
        return abs(missing) <= tolerance ? nil : gain + missing
    }

    /// The measurement in `stderr` (the last `{…}` block); nil when it is missing or silent (`-inf`).
    static func parse(_ stderr: String) -> Measurement? {
        guard let open = stderr.lastIndex(of: "{"), let close = stderr.lastIndex(of: "}"), open < close,
            let object = try? JSONSerialization.jsonObject(with: Data(stderr[open...close].utf8)) as? [String: Any]
        else { return nil }
        func value(_ key: String) -> Double? {
            guard let text = object[key] as? String, let number = Double(text), number.isFinite else { return nil }
            return number
        }
        guard let integrated = value("input_i"), let truePeak = value("input_tp") else { return nil }
        return Measurement(integrated: integrated, truePeak: truePeak)
    }
}
