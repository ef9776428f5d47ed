import Foundation
import ShowrunnerCore

/// Joins PCM WAV files of one format into one WAV with a fixed silence between them, sample for sample, and says
/// where each part starts and ends in the result: the bounds are exact, not measured afterwards.
enum WAVJoiner {
    /// A part's place in the joined audio, in sample frames.
    struct Span: Sendable, Equatable {
        var start: Int
        var frames: Int
    }

    /// Writes `parts` to `target` with `gap` seconds of silence between them; returns each part's span and the
    /// format. Parts must be PCM of the same rate, channels and sample size.
    static func join(_ parts: [URL], gap: Double, to target: URL) throws(StepFailure) -> ([Span], WAVInfo) {
        var format: WAVInfo?
        var spans: [Span] = []
        var body = Data()
        for part in parts {
            let (info, samples) = try read(part)
            if let format, !sameFormat(format, info) {
                throw StepFailure(.permanent, "the speech part \(part.path) has a different audio format.")
            }
            let current = format ?? info
            format = current
            if !spans.isEmpty {
                body.append(Data(count: Int((gap * Double(current.sampleRate)).rounded()) * current.blockAlign))
            }
            spans.append(Span(start: body.count / current.blockAlign, frames: samples.count / current.blockAlign))
            body.append(samples)
        }
        guard var format, !body.isEmpty else {
            throw StepFailure(.permanent, "the voice produced no audio.")
        }
        format.dataOffset = 44
        format.dataSize = body.count
        do {
            try (header(format) + body).write(to: target)
        } catch {
            throw StepFailure.file("write", target.path, error)
        }
        return (spans, format)
    }

    /// A 44-byte canonical PCM header for `format` with `format.dataSize` bytes of samples.
    static func header(_ format: WAVInfo) -> Data {
        var bytes = Data("RIFF".utf8)
        append32(&bytes, UInt32(36 + format.dataSize))
        bytes.append(contentsOf: Array("WAVEfmt ".utf8))
        append32(&bytes, 16)
        append16(&bytes, 1)
        append16(&bytes, UInt16(format.channels))
        append32(&bytes, UInt32(format.sampleRate))
        append32(&bytes, UInt32(format.sampleRate * format.blockAlign))
        append16(&bytes, UInt16(format.blockAlign))
        append16(&bytes, UInt16(format.bitsPerSample))
        bytes.append(contentsOf: Array("data".utf8))
        append32(&bytes, UInt32(format.dataSize))
        return bytes
    }

    private static func read(_ part: URL) throws(StepFailure) -> (WAVInfo, Data) {
        guard let info = try AudioFile.wavInfo(part), info.formatTag == 1 else {
            throw StepFailure(.permanent, "the speech part \(part.path) is not a PCM WAV file.")
        }
        do {
            let data = try Data(contentsOf: part)
            let usable = info.dataSize - info.dataSize % info.blockAlign
            return (info, data.subdata(in: info.dataOffset..<info.dataOffset + usable))
        } catch {
            throw StepFailure(.permanent, "cannot read \(part.path): \(error.localizedDescription)")
        }
    }

    private static func sameFormat(_ one: WAVInfo, _ other: WAVInfo) -> Bool {
        (one.sampleRate, one.channels, one.bitsPerSample) == (other.sampleRate, other.channels, other.bitsPerSample)
    }

    private static func append16(_ data: inout Data, _ value: UInt16) {
        data.append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    private static func append32(_ data: inout Data, _ value: UInt32) {
        data.append(contentsOf: (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) })
    }
}
