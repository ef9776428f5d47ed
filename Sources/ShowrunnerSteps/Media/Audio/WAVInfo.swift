/// The format and length of a RIFF/WAVE file, read from its header: `duration_s` comes from here, not from an
/// estimate.
public struct WAVInfo: Sendable, Hashable {
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case notWAV
        case missingFormat
        case missingData
        case invalidFormat(String)

        public var description: String {
            switch self {
            case .notWAV: "not a RIFF/WAVE file"
            case .missingFormat: "no 'fmt ' chunk before the audio data"
            case .missingData: "no 'data' chunk"
            case .invalidFormat(let reason): "invalid format: \(reason)"
            }
        }
    }

    /// 1 = PCM, 3 = IEEE float, 0xFFFE = extensible.
    public var formatTag: UInt16
    public var channels: Int
    public var sampleRate: Int
    public var bitsPerSample: Int
    /// Bytes per sample frame (all channels).
    public var blockAlign: Int
    /// Where the samples start in the file.
    public var dataOffset: Int
    /// Bytes of samples, clamped to what the file holds.
    public var dataSize: Int

    /// Seconds of audio.
    public var duration: Double {
        Double(dataSize / blockAlign) / Double(sampleRate)
    }

    /// True when `bytes` start with a RIFF/WAVE header.
    public static func isWAV(_ bytes: some Collection<UInt8>) -> Bool {
        let head = Array(bytes.prefix(12))
        return head.count == 12 && head[0..<4] == [0x52, 0x49, 0x46, 0x46] && head[8..<12] == [0x57, 0x41, 0x56, 0x45]
    }

    /// Parses the chunks up to `data` in `header` (the start of the file). `fileSize` is the whole file's length:
    /// a data size of 0 or 0xFFFFFFFF (written by streaming encoders) or larger than the file means "to the end".
    public init(header: [UInt8], fileSize: Int) throws(ParseError) {
        guard Self.isWAV(header) else { throw .notWAV }
        var format: (tag: UInt16, channels: Int, rate: Int, align: Int, bits: Int)?
        var offset = 12
        while offset + 8 <= header.count {
            let id = String(decoding: header[offset..<offset + 4], as: UTF8.self)
            let size = Int(Self.uint32(header, offset + 4))
            let body = offset + 8
            if id == "fmt " {
                guard size >= 16, body + 16 <= header.count else { throw .invalidFormat("'fmt ' chunk is too short") }
                format = (
                    Self.uint16(header, body), Int(Self.uint16(header, body + 2)), Int(Self.uint32(header, body + 4)),
                    Int(Self.uint16(header, body + 12)), Int(Self.uint16(header, body + 14))
                )
            } else if id == "data" {
                guard let format else { throw .missingFormat }
                let available = max(0, fileSize - body)
                let declared = size == 0 || size == 0xFFFF_FFFF ? available : min(size, available)
                try self.init(format, dataOffset: body, dataSize: declared)
                return
            }
            offset = body + size + size % 2
        }
        throw .missingData
    }

    private init(
        _ format: (tag: UInt16, channels: Int, rate: Int, align: Int, bits: Int), dataOffset: Int, dataSize: Int
    ) throws(ParseError) {
        guard format.channels > 0 else { throw .invalidFormat("0 channels") }
        guard format.rate > 0 else { throw .invalidFormat("sample rate 0") }
        let align = format.align > 0 ? format.align : format.channels * max(format.bits / 8, 1)
        (formatTag, channels, sampleRate, bitsPerSample) = (format.tag, format.channels, format.rate, format.bits)
        (blockAlign, self.dataOffset, self.dataSize) = (align, dataOffset, dataSize)
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * $1) }
    }
}
