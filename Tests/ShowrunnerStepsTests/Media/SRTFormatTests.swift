import Testing

@testable import ShowrunnerSteps

struct SRTFormatTests {
    let cues = [
        SubtitleCue(start: 0, end: 1_500, lines: ["Hello there."]),
        SubtitleCue(start: 1_500, end: 3_723_004, lines: ["Two lines,", "like this."]),
    ]

    @Test func renderWritesNumberedCues() {
        #expect(
            SRTFormat.render(cues) == """
                1
                00:00:00,000 --> 00:00:01,500
                Hello there.

                2
                00:00:01,500 --> 01:02:03,004
                Two lines,
                like this.

                """)
    }

    @Test func parseReadsWhatRenderWrote() throws {
        #expect(try SRTFormat.parse(SRTFormat.render(cues)) == cues)
    }

    @Test func parseAcceptsABOMWindowsLineEndsDotsAndMissingNumbers() throws {
        let text = "\u{FEFF}1\r\n00:00:00.5 --> 00:00:02,25\r\nHi\r\n\r\n\r\n00:00:02,250 --> 00:00:03,000\r\nBye\r\n"
        #expect(
            try SRTFormat.parse(text) == [
                SubtitleCue(start: 500, end: 2_250, lines: ["Hi"]),
                SubtitleCue(start: 2_250, end: 3_000, lines: ["Bye"]),
            ])
    }

    @Test func aBrokenTimingLineIsReportedWithItsLine() {
        #expect(throws: SRTFormat.ParseError(line: 2, reason: "expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm'")) {
            try SRTFormat.parse("1\n00:00:01 -> 00:00:02\nHi\n")
        }
        #expect(throws: SRTFormat.ParseError.self) { try SRTFormat.parse("00:00:, --> 00:00:01,000\nHi\n") }
    }
}
