import Testing

@testable import ShowrunnerSteps

struct YouTubeMetadataFitTests {
    static let hundred = String(repeating: "a", count: 100)

    @Test(arguments: [
        ("Short <b>bold</b> title", "Short bbold/b title"),
        ("  Spaces\nand\tbreaks  ", "Spaces and breaks"),
        (hundred, hundred),  // exactly at the limit
        (hundred + "b", hundred),  // one long word is cut
        (String(repeating: "word ", count: 30), String(repeating: "word ", count: 19) + "word"),  // 99 characters
        (String(repeating: "abc, ", count: 30), String(repeating: "abc, ", count: 19) + "abc"),  // no trailing comma
        (String(repeating: "🍝", count: 60), String(repeating: "🍝", count: 50)),  // UTF-16: 2 units each
        ("<>", ""),
    ])
    func title(_ text: String, _ expected: String) {
        let fitted = YouTubeMetadataFit.title(text)
        #expect(fitted == expected)
        #expect(fitted.utf16.count <= YouTubeMetadataFit.titleLimit)
    }

    @Test(arguments: [
        ("A <tag> description.", "A tag description."),
        (String(repeating: "a", count: 5000), String(repeating: "a", count: 5000)),
        (String(repeating: "a", count: 5001), String(repeating: "a", count: 5000)),
        (String(repeating: "é", count: 2501), String(repeating: "é", count: 2500)),  // 2 bytes each
    ])
    func description(_ text: String, _ expected: String) {
        let fitted = YouTubeMetadataFit.description(text)
        #expect(fitted == expected)
        #expect(fitted.utf8.count <= YouTubeMetadataFit.descriptionByteLimit)
    }

    @Test func aLongDescriptionIsCutAtAWordBoundary() {
        let text = String(repeating: "line one\n", count: 600)  // 5400 bytes
        #expect(YouTubeMetadataFit.description(text) == String(repeating: "line one\n", count: 555) + "line")
    }

    @Test(
        arguments: [
            (["a", "b c"], 1 + 1 + 5),  // "b c" is quoted: 3 + 2
            ([], 0),
            (["x"], 1),
            (["🍝"], 2),
        ] as [([String], Int)])
    func tagsLength(_ tags: [String], _ expected: Int) {
        #expect(YouTubeMetadataFit.tagsLength(tags) == expected)
    }

    @Test(
        arguments: [
            (
                [" #cooking ", "Cooking", "<b>pasta</b>", "", "##", "food science"],
                ["cooking", "bpasta/b", "food science"]
            ),
            // 50 tags of 9 characters + 49 commas = 499: all fit; a 51st would not.
            ((1...50).map { "tag-\(10000 + $0)" }, (1...50).map { "tag-\(10000 + $0)" }),
            ((1...51).map { "tag-\(10000 + $0)" }, (1...50).map { "tag-\(10000 + $0)" }),
            // Quotes count: 45 tags "tag 1001" (8 + 2) + 44 commas = 494; the next (10 + 1) would make 505.
            ((1...60).map { "tag \(1000 + $0)" }, (1...45).map { "tag \(1000 + $0)" }),
        ] as [([String], [String])])
    func tags(_ tags: [String], _ expected: [String]) {
        let fitted = YouTubeMetadataFit.tags(tags)
        #expect(fitted == expected)
        #expect(YouTubeMetadataFit.tagsLength(fitted) <= YouTubeMetadataFit.tagsLimit)
    }
}
