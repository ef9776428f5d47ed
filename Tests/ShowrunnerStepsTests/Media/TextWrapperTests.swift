import Testing

@testable import ShowrunnerSteps

struct TextWrapperTests {
    @Test(arguments: [
        ("the quick brown fox jumps", 10, ["the quick", "brown fox", "jumps"]),
        ("short", 10, ["short"]),
        ("abcdefghijkl mn", 5, ["abcde", "fghij", "kl mn"]),
        ("", 10, []),
    ])
    func greedy(_ text: String, _ width: Int, _ expected: [String]) {
        #expect(TextWrapper.greedy(text, width: width) == expected)
    }

    @Test(arguments: [
        ("Pasta in ten minutes with only four things", 42, ["Pasta in ten minutes with only four things"]),
        (
            "Pasta in ten minutes with only four things from the shop", 42,
            ["Pasta in ten minutes with only", "four things from the shop"]
        ),
        ("a b c d e f", 9, ["a b c", "d e f"]),
    ])
    func balancedKeepsTheLineCountButEvensTheLines(_ text: String, _ width: Int, _ expected: [String]) {
        let lines = TextWrapper.balanced(text, width: width)
        #expect(lines == expected)
        #expect(lines.count == TextWrapper.greedy(text, width: width).count)
    }
}
