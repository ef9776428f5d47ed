import Testing

@testable import ShowrunnerSteps

struct EncodingProgressTests {
    @Test(arguments: [
        ("frame=  186 fps= 54 q=28.0 size=     256kB time=00:00:06.13 bitrate= 341.9kbits/s speed=1.77x", 6.13),
        ("size=N/A time=01:02:03.50 bitrate=N/A", 3723.5),
        ("frame=    0 fps=0.0 q=0.0 size=       0kB time=-00:00:00.02 bitrate=N/A", -0.02),
    ])
    func timesAreRead(_ line: String, _ seconds: Double) throws {
        let time = try #require(EncodingProgress.time(in: line))
        #expect(abs(time - seconds) < 0.0001)
    }

    @Test(arguments: ["time=N/A", "Error opening input", ""])
    func linesWithoutATimeAreIgnored(_ line: String) {
        #expect(EncodingProgress.time(in: line) == nil)
    }

    @Test func onlyChangesAreReportedAndTheRangeIsClamped() {
        var progress = EncodingProgress(duration: 10)
        #expect(progress.update("time=-00:00:00.02") == 0)
        #expect(progress.update("time=00:00:00.05") == nil)
        #expect(progress.update("time=00:00:04.20") == 42)
        #expect(progress.update("time=00:00:04.29") == nil)
        #expect(progress.update("time=00:00:11.00") == 100)
        #expect(progress.update("Error while filtering") == nil)
    }

    @Test func statisticsLinesAreLeftOutOfTheStderrTail() {
        let stderr =
            "frame=  10 fps=0.0 time=00:00:00.33 speed=0.6x\rframe=  20 fps= 20 time=00:00:00.66 speed=0.6x\r"
            + "[libx264 @ 0x55] broken\nError while encoding\n"
        #expect(MediaLog.tail(stderr) == "[libx264 @ 0x55] broken\nError while encoding")
        #expect(MediaLog.summary(stderr) == "[libx264 @ 0x55] broken")
        #expect(MediaLog.tail("frame=1 time=00:00:00.00\r") == nil)
    }
}
