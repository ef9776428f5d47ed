import Testing

@testable import ShowrunnerSteps

struct WAVInfoTests {
    @Test func aPlainPCMHeaderGivesFormatAndDuration() throws {
        let bytes = WAVFixture.tone(seconds: 1.5, sampleRate: 22_050)
        let info = try WAVInfo(header: bytes, fileSize: bytes.count)
        #expect(info.formatTag == 1)
        #expect(info.sampleRate == 22_050 && info.channels == 1 && info.bitsPerSample == 16 && info.blockAlign == 2)
        #expect(info.dataOffset == 44)
        #expect(info.dataSize == 66_150)
        #expect(abs(info.duration - 1.5) < 0.0001)
    }

    @Test func stereoHalvesTheFramesPerByte() throws {
        let bytes = WAVFixture.tone(seconds: 2, sampleRate: 48_000, channels: 2)
        let info = try WAVInfo(header: bytes, fileSize: bytes.count)
        #expect(info.channels == 2 && info.blockAlign == 4)
        #expect(abs(info.duration - 2) < 0.0001)
    }

    @Test(arguments: [("LIST", 26), ("junk", 7)])
    func chunksBeforeTheDataAreSkippedIncludingPadding(_ id: String, _ size: Int) throws {
        let bytes = WAVFixture.tone(seconds: 0.5, extraChunk: (id, size))
        let info = try WAVInfo(header: bytes, fileSize: bytes.count)
        #expect(info.dataOffset == 44 + 8 + size + size % 2)
        #expect(abs(info.duration - 0.5) < 0.0001)
    }

    /// Streaming encoders (and some TTS servers) write 0 or 0xFFFFFFFF when they do not know the length yet.
    @Test(arguments: [UInt32(0), UInt32.max, UInt32(10_000_000)])
    func anUnknownOrOversizedDataSizeMeansToTheEndOfTheFile(_ field: UInt32) throws {
        let bytes = WAVFixture.tone(seconds: 1, sampleRate: 16_000, dataSizeField: field)
        let info = try WAVInfo(header: bytes, fileSize: bytes.count)
        #expect(info.dataSize == 32_000)
        #expect(abs(info.duration - 1) < 0.0001)
    }

    @Test func theFileSizeClampsATruncatedFile() throws {
        let bytes = WAVFixture.tone(seconds: 1, sampleRate: 16_000)
        let info = try WAVInfo(header: Array(bytes.prefix(1000)), fileSize: 16_044)
        #expect(info.dataSize == 16_000)
        #expect(abs(info.duration - 0.5) < 0.0001)
    }

    @Test func otherFilesAreRecognisedAsNotWAV() {
        #expect(!WAVInfo.isWAV(Array("ID3\u{3}\0\0\0\0\0\0\0\0".utf8)))
        #expect(!WAVInfo.isWAV([0x52, 0x49]))
        #expect(throws: WAVInfo.ParseError.notWAV) { try WAVInfo(header: Array("OggS....WAVE".utf8), fileSize: 12) }
    }

    @Test func aHeaderWithoutFormatOrDataIsRejected() {
        let noFormat = Array("RIFF".utf8) + WAVFixture.le32(12) + Array("WAVEdata".utf8) + WAVFixture.le32(0)
        #expect(throws: WAVInfo.ParseError.missingFormat) { try WAVInfo(header: noFormat, fileSize: 100) }
        let noData = Array(WAVFixture.tone(seconds: 0.1).prefix(36))
        #expect(throws: WAVInfo.ParseError.missingData) { try WAVInfo(header: noData, fileSize: 36) }
    }
}
