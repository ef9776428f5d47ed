import Foundation
import Testing

@testable import ShowrunnerSteps

/// Word captions: every event inside its sentence, the highlighted word moving through groups of at most N words,
/// time shared by word length.
struct WordTimelineTests {
    static let sentences = [
        SpokenSentence(text: "Venus spins backwards, slowly.", start: 0, end: 2.345),
        SpokenSentence(text: "A day there lasts 243 Earth days.", start: 2.645, end: 5.0),
    ]

    @Test(arguments: [1, 2, 3])
    func eventsLieInsideTheirSentenceAndCoverEachWordOnce(_ perLine: Int) {
        let events = WordTimeline.events(for: Self.sentences, wordsPerLine: perLine)
        #expect(events.count == 4 + 7)
        for event in events {
            let sentence = Self.sentences.first {
                Double(event.start) / 100 >= $0.start && Double(event.end) / 100 <= $0.end
            }
            #expect(sentence != nil, "event \(event) outside every sentence")
            #expect(event.words.count <= perLine)
            #expect(event.highlighted < event.words.count)
        }
        let spoken = events.map { $0.words[$0.highlighted] }
        #expect(spoken == Self.sentences.flatMap { $0.text.split(separator: " ").map(String.init) })
        let sentenceOf = { (event: WordTimeline.Event) in event.start < 250 ? 0 : 1 }
        for (one, next) in zip(events, events.dropFirst()) where sentenceOf(one) == sentenceOf(next) {
            #expect(one.end == next.start)  // contiguous within a sentence
        }
    }

    @Test func longerWordsGetMoreTime() {
        let events = WordTimeline.events(
            for: [SpokenSentence(text: "I extraordinarily", start: 1, end: 3)], wordsPerLine: 3)
        #expect(events.map(\.start) == [100, 113])  // 1 letter of 16: 2 s × 1/16 = 0.125 s
        #expect(events.map(\.end) == [113, 300])
    }

    @Test(arguments: [(7, 3, [3, 2, 2]), (4, 3, [2, 2]), (3, 1, [1, 1, 1]), (5, 2, [2, 2, 1])])
    func groupsAreEven(_ count: Int, _ size: Int, _ lengths: [Int]) {
        #expect(WordTimeline.groups(count, size: size).map(\.count) == lengths)
    }

    @Test func estimatedSentencesSpanTheDuration() {
        let sentences = WordTimeline.estimatedSentences(in: "One two. Three four five six.", duration: 10)
        #expect(sentences.map(\.text) == ["One two.", "Three four five six."])
        #expect(sentences.first?.start == 0)
        #expect(sentences.last?.end == 10)
        #expect(sentences[0].end == sentences[1].start)
    }

    @Test func theASSHighlightsTheSpokenWord() {
        var style = WordCaptionStyle(format: .short)
        style.highlightColor = "#FF8800"
        let events = [WordTimeline.Event(start: 10, end: 55, words: ["Hello", "{brave}", "world"], highlighted: 1)]
        let document = WordCaptionsDocument.render(events, style: style, format: .short)
        #expect(document.contains("PlayResX: 1080\nPlayResY: 1920\n"))
        #expect(
            document.hasSuffix(
                "Dialogue: 0,0:00:00.10,0:00:00.55,Word,,0,0,0,,Hello {\\1c&H0088FF&\\fscx110\\fscy110}(brave){\\r} world\n"
            ))
    }
}
