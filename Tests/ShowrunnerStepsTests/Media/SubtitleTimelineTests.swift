import Testing

@testable import ShowrunnerSteps

struct SubtitleTimelineTests {
    /// The cues cover 0…duration without gaps or overlaps, and each fits the limits.
    private func expectWellFormed(_ cues: [SubtitleCue], duration: Double, limits: CueLimits = .standard) {
        #expect(cues.first?.start == 0)
        #expect(cues.last?.end == Int((duration * 1000).rounded()))
        for (previous, next) in zip(cues, cues.dropFirst()) { #expect(previous.end == next.start) }
        for cue in cues {
            #expect(cue.end > cue.start)
            #expect(cue.lines.count <= limits.lines)
            #expect(cue.lines.allSatisfy { $0.count <= limits.lineWidth })
        }
    }

    @Test(arguments: [
        ("Hello there.", 2.0, [["Hello there."]]),
        ("One. Two.", 1.0, [["One."], ["Two."]]),
        (
            "Pasta needs salt. Lots of it, more than you think, and then a little more for luck.", 6.5,
            [["Pasta needs salt."], ["Lots of it, more than you think,", "and then a little more for luck."]]
        ),
    ])
    func cuesFollowTheSentences(_ text: String, _ duration: Double, _ expected: [[String]]) {
        let cues = SubtitleTimeline.cues(for: text, duration: duration)
        #expect(cues.map(\.lines) == expected)
        expectWellFormed(cues, duration: duration)
    }

    @Test func timeIsSharedInProportionToSpokenLength() {
        let cues = SubtitleTimeline.cues(for: "Hi. This sentence is much longer than the first one.", duration: 10)
        #expect(cues.count == 2)
        let short = cues[0].end - cues[0].start
        let long = cues[1].end - cues[1].start
        // 2 letters + a pause of 4 against 39 letters + 4.
        #expect(short == Int((10_000 * 6.0 / 49.0).rounded()))
        #expect(long > 6 * short)
    }

    @Test func digitsWeighMoreThanLetters() {
        #expect(SubtitleTimeline.weight(of: "1999", endsSentence: false) == 12)
        #expect(SubtitleTimeline.weight(of: "abcd", endsSentence: false) == 4)
        #expect(SubtitleTimeline.weight(of: "abcd,", endsSentence: false) == 7)
        #expect(SubtitleTimeline.weight(of: "abcd.", endsSentence: true) == 8)
    }

    @Test func aLongScriptIsCoveredContiguously() {
        let sentence = "The sauce thickens as it cools, so take it off the heat a minute early and let it rest."
        let text = Array(repeating: sentence, count: 40).joined(separator: " ")
        let cues = SubtitleTimeline.cues(for: text, duration: 181.234)
        #expect(cues.count >= 40)
        expectWellFormed(cues, duration: 181.234)
    }

    @Test func noCueJoinsTwoSentences() {
        let text = "Salt the water. Add pasta. Stir once, then wait. Drain it and serve with cheese."
        let cues = SubtitleTimeline.cues(for: text, duration: 8)
        let sentenceEnds = cues.map(\.text).map { $0.dropLast().contains { ".!?".contains($0) } }
        #expect(!sentenceEnds.contains(true))
    }

    @Test func nothingToSayOrNoTimeGivesNoCues() {
        #expect(SubtitleTimeline.cues(for: "  ", duration: 3).isEmpty)
        #expect(SubtitleTimeline.cues(for: "Hello.", duration: 0).isEmpty)
        #expect(SubtitleTimeline.cues(for: "Hello.", duration: .nan).isEmpty)
    }

    @Test func refittingSplitsWideCuesAndKeepsTheirTime() {
        let cues = SubtitleTimeline.cues(
            for: "Lots of it, more than you think, and then a little more for luck.", duration: 4)
        let narrow = CueLimits(lineWidth: 24, lines: 2)
        let refitted = SubtitleTimeline.refit(cues, to: narrow)
        #expect(refitted.count > cues.count)
        #expect(refitted.map(\.text).joined(separator: " ") == cues.map(\.text).joined(separator: " "))
        expectWellFormed(refitted, duration: 4, limits: narrow)
    }
}
