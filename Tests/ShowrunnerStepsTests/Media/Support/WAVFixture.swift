import Foundation

/// Builds small WAV files in memory: a header and 16-bit samples of a sine tone.
enum WAVFixture {
    static func tone(
        seconds: Double, sampleRate: Int = 22_050, channels: Int = 1, frequency: Double = 440,
        dataSizeField: UInt32? = nil, extraChunk: (id: String, size: Int)? = nil
    ) -> [UInt8] {
        let frames = Int(seconds * Double(sampleRate))
        var samples: [UInt8] = []
        samples.reserveCapacity(frames * channels * 2)
        for frame in 0..<frames {
            let value = Int16(sin(2 * .pi * frequency * Double(frame) / Double(sampleRate)) * 8000)
            for _ in 0..<channels { samples += le16(UInt16(bitPattern: value)) }
        }
        var chunks: [UInt8] = Array("fmt ".utf8) + le32(16) + le16(1) + le16(UInt16(channels))
        chunks += le32(UInt32(sampleRate)) + le32(UInt32(sampleRate * channels * 2))
        chunks += le16(UInt16(channels * 2)) + le16(16)
        if let extra = extraChunk {
            chunks += Array(extra.id.utf8) + le32(UInt32(extra.size)) + [UInt8](repeating: 0, count: extra.size)
            if extra.size % 2 == 1 { chunks.append(0) }
        }
        chunks += Array("data".utf8) + le32(dataSizeField ?? UInt32(samples.count)) + samples
        return Array("RIFF".utf8) + le32(UInt32(4 + chunks.count)) + Array("WAVE".utf8) + chunks
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
