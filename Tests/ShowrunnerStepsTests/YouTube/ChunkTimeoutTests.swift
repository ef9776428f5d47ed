import Testing

@testable import ShowrunnerSteps

/// A chunk `PUT`'s deadline grows with the chunk (AsyncHTTPClient's deadline covers the whole exchange).
struct ChunkTimeoutTests {
    @Test(
        arguments: zip(
            [0, 256 << 10, 8 << 20, 1 << 30],
            [Duration.seconds(300), .seconds(304), .seconds(428), .seconds(300 + 16_384)]))
    func theDeadlineIsTheBasePlusASecondPer64KiB(_ bytes: Int, _ expected: Duration) {
        #expect(ResumableSession.timeout(base: .seconds(300), bytes: bytes) == expected)
    }
}
