import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct OutputCaptureTests {
    @Test func theHeadKeepsTheFirstBytesAndNotesTheOverflow() {
        var head = HeadCapture(limit: 5)
        head.append(Array("abc".utf8))
        #expect(!head.overflowed)
        head.append(Array("defg".utf8))
        head.append(Array("h".utf8))
        #expect(head.bytes == Array("abcde".utf8))
        #expect(head.overflowed)
    }

    @Test func theTailReportsCompletedLinesAcrossChunks() {
        var tail = TailCapture(limit: 100)
        #expect(tail.append(Array("enc".utf8)) == nil)
        #expect(tail.append(Array("oding 10%\rencoding 20%\r".utf8)) == "encoding 20%")
        #expect(tail.append(Array("\n  \n".utf8)) == nil)
        #expect(tail.lastLine == "encoding 20%")
    }

    @Test func theTailDropsThePartialFirstLineWhenCut() {
        var tail = TailCapture(limit: 10)
        _ = tail.append(Array("first line\nsecond\nthird\n".utf8))
        #expect(tail.text == "third\n")
    }

    @Test func procStatParsesNamesWithSpacesAndParentheses() {
        let line = "4242 (my (odd) prog) S 1 4240 4239 0 -1 4194560 0 0 0 0 1 2 0 0 20 0 1 0 987654 1000 200"
        let stat = ProcessStat(statLine: line)
        #expect(stat?.state == "S")
        #expect(stat?.processGroup == 4240)
        #expect(stat?.session == 4239)
        #expect(stat?.startTime == 987654)
    }
}

struct FNV1a64Tests {
    /// Reference values of the 64-bit FNV-1a hash.
    @Test(arguments: [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")])
    func knownHashes(_ text: String, _ hex: String) {
        #expect(FNV1a64.hex(of: text) == hex)
        var chunked = FNV1a64()
        for character in text.utf8 { chunked.update(CollectionOfOne(character)) }
        #expect(chunked.hex == hex)
    }
}
