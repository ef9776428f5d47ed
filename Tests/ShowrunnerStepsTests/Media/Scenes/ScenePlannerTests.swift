import Testing

@testable import ShowrunnerSteps

struct ScenePlannerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// (start, end) of each sentence.
        var sentences: [(Double, Double)]
        var duration: Double
        var limit = Int.max
        /// (start, end) of each scene.
        var scenes: [(Double, Double)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "cuts sit in the middle of each pause", sentences: [(0.2, 3.0), (3.4, 6.0), (6.6, 9.5)],
            duration: 10, scenes: [(0, 3.2), (3.2, 6.3), (6.3, 10)]),
        Case(
            name: "a short sentence joins its shorter neighbour", sentences: [(0, 4), (4, 5), (5, 8), (8, 14)],
            duration: 14, scenes: [(0, 4), (4, 8), (8, 14)]),
        Case(
            name: "a long sentence is split into equal parts", sentences: [(0, 3), (3, 18)], duration: 18,
            scenes: [(0, 3), (3, 8), (8, 13), (13, 18)]),
        Case(
            name: "more scenes than pictures: the shortest pairs merge",
            sentences: [(0, 3), (3, 6), (6, 10), (10, 13)],
            duration: 13, limit: 2, scenes: [(0, 6), (6, 13)]),
        Case(name: "no sentences: one scene", sentences: [], duration: 5, scenes: [(0, 5)]),
        Case(name: "everything short: one scene", sentences: [(0, 1), (1, 2)], duration: 2, scenes: [(0, 2)]),
    ]

    @Test(arguments: cases)
    func plans(_ example: Case) {
        let spans = example.sentences.enumerated().map { SentenceSpan(text: "s\($0)", start: $1.0, end: $1.1) }
        let scenes = ScenePlanner(limit: example.limit).plan(spans, duration: example.duration)
        let rounded = { (value: Double) in (value * 1000).rounded() / 1000 }
        #expect(scenes.map { [rounded($0.start), rounded($0.end)] } == example.scenes.map { [$0.0, $0.1] })
    }

    @Test func mergedScenesKeepBothSentencesText() {
        let spans = [
            SentenceSpan(text: "Lava flows.", start: 0, end: 1),
            SentenceSpan(text: "Ash falls on the town below.", start: 1, end: 6),
        ]
        #expect(ScenePlanner().plan(spans, duration: 6).map(\.text) == ["Lava flows. Ash falls on the town below."])
    }
}

struct SentenceBoundsTests {
    @Test func reportedBoundsWinOverTheEstimate() {
        let reported = ConfigValueFixtures.sentences([("One.", 0, 1.5), ("Two.", 1.9, 4)])
        let spans = SentenceBounds.spans(text: "Something else entirely.", duration: 4, reported: reported)
        #expect(
            spans == [SentenceSpan(text: "One.", start: 0, end: 1.5), SentenceSpan(text: "Two.", start: 1.9, end: 4)])
    }

    @Test func theEstimateSharesTheAudioBySpokenLength() {
        let spans = SentenceBounds.spans(text: "Short one. A much longer sentence here.", duration: 10, reported: nil)
        #expect(spans.count == 2)
        #expect(spans.first?.start == 0 && spans.last?.end == 10)
        #expect(spans[0].end == spans[1].start)
        // 8 letters and a pause against 23 letters and a pause.
        #expect(abs(spans[0].end - 10.0 * 12 / 39) < 0.001)
    }

    @Test func malformedReportsFallBackToTheEstimate() {
        let spans = SentenceBounds.spans(text: "Only this.", duration: 2, reported: .list([.string("nope")]))
        #expect(spans == [SentenceSpan(text: "Only this.", start: 0, end: 2)])
    }
}
