import Testing

@testable import ShowrunnerSteps

struct ASSDocumentTests {
    @Test(arguments: VideoFormat.allCases)
    func theCanvasIsTheVideoSoSizesArePixels(_ format: VideoFormat) {
        let text = ASSDocument.render([], format: format)
        #expect(text.contains("PlayResX: \(format.width)\nPlayResY: \(format.height)\n"))
        #expect(text.contains("Style: Default,DejaVu Sans,\(format.captions.fontSize),"))
    }

    @Test func eachCueIsADialogueLineWithLineBreaks() {
        let cues = [
            SubtitleCue(start: 0, end: 1_234, lines: ["First line", "second {line}"]),
            SubtitleCue(start: 1_234, end: 61_005, lines: ["back\\slash"]),
        ]
        let lines = ASSDocument.render(cues, format: .landscape).split(separator: "\n").filter {
            $0.hasPrefix("Dialogue:")
        }
        #expect(
            lines == [
                "Dialogue: 0,0:00:00.00,0:00:01.23,Default,,0,0,0,,First line\\Nsecond (line)",
                "Dialogue: 0,0:00:01.23,0:01:01.01,Default,,0,0,0,,back/slash",
            ])
    }

    @Test(arguments: [(0, "0:00:00.00"), (4, "0:00:00.00"), (5, "0:00:00.01"), (3_723_450, "1:02:03.45")])
    func times(_ milliseconds: Int, _ expected: String) {
        #expect(ASSDocument.time(milliseconds) == expected)
    }
}
