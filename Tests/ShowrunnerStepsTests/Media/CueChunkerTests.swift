import Testing

@testable import ShowrunnerSteps

struct CueChunkerTests {
    let limits = CueLimits.standard

    @Test func aSentenceThatFitsIsOneCue() {
        let sentence = "Boil the water and salt it well."
        #expect(CueChunker.chunks(of: sentence, limits: limits) == [sentence])
    }

    @Test func aLongSentenceIsCutAtCommasFirst() {
        let sentence =
            "When the water boils, add the pasta and stir it once, then wait nine minutes, tasting a piece "
            + "near the end to check it."
        let chunks = CueChunker.chunks(of: sentence, limits: limits)
        #expect(chunks.count > 1)
        #expect(chunks.joined(separator: " ") == sentence)
        #expect(chunks.allSatisfy(limits.fits))
        #expect(chunks.dropLast().allSatisfy { $0.hasSuffix(",") })
    }

    @Test func aLongClauseIsCutIntoEvenPiecesAtSpaces() {
        let sentence = Array(repeating: "word", count: 40).joined(separator: " ")
        let chunks = CueChunker.chunks(of: sentence, limits: limits)
        #expect(chunks.count == 3)
        #expect(chunks.joined(separator: " ") == sentence)
        let lengths = chunks.map(\.count)
        #expect(lengths.max()! - lengths.min()! <= 10)
    }

    @Test func aWordLongerThanALineIsCut() {
        let url = "https://example.com/" + String(repeating: "x", count: 120)
        let chunks = CueChunker.chunks(of: "See \(url) now.", limits: limits)
        #expect(chunks.allSatisfy(limits.fits))
        #expect(chunks.joined().filter { $0 != " " } == "See\(url)now.")
    }
}
