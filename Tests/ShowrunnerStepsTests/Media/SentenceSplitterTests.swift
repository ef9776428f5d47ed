import Testing

@testable import ShowrunnerSteps

struct SentenceSplitterTests {
    @Test(arguments: [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("She said \"stop.\" Then left.", ["She said \"stop.\"", "Then left."]),
        ("Dr. Smith met Mr. Jones, e.g. at noon. Done.", ["Dr. Smith met Mr. Jones, e.g. at noon.", "Done."]),
        ("J. R. R. Tolkien wrote it. Yes.", ["J. R. R. Tolkien wrote it.", "Yes."]),
        ("Pi is 3.14 today. Really…  So   spaced", ["Pi is 3.14 today.", "Really…", "So spaced"]),
        ("A line\nwrapped here.\n\nNew paragraph", ["A line wrapped here.", "New paragraph"]),
        ("Heading\n\n\nBody text", ["Heading", "Body text"]),
        ("  \n ", []),
    ])
    func sentences(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.sentences(in: text) == expected)
    }
}
