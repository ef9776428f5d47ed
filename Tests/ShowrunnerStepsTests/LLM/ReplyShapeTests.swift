import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct ReplyShapeTests {
    static let shape = ReplyShape([
        .text("title"), .text("description", required: false), .textList("tags", required: false), .text("text"),
    ])

    @Test(
        arguments: [
            // Texts are trimmed; absent optional fields are filled; unknown keys are dropped.
            (
                ["title": ConfigValue.string(" T "), "text": .string("x\n"), "extra": .int(1)],
                Result<[String: ConfigValue], ReplyShape.Mismatch>.success(
                    ["title": .string("T"), "text": .string("x"), "description": .string(""), "tags": .list([])])
            ),
            // A single string for a list is split on commas; blank items are dropped.
            (
                ["title": .string("T"), "text": .string("x"), "tags": .string("a, b,, c "), "description": .null],
                .success([
                    "title": .string("T"), "text": .string("x"), "description": .string(""),
                    "tags": .strings("a", "b", "c"),
                ])
            ),
            (
                ["title": .string("T"), "text": .string("x"), "tags": .list([.string(" a "), .string(" ")])],
                .success([
                    "title": .string("T"), "text": .string("x"), "description": .string(""), "tags": .strings("a"),
                ])
            ),
            // Every problem is reported, in field order.
            ([:], .failure(ReplyShape.Mismatch(problems: ["'title' is missing", "'text' is missing"]))),
            (
                ["title": .string("  "), "text": .int(3), "description": .list([]), "tags": .map([:])],
                .failure(
                    ReplyShape.Mismatch(problems: [
                        "'title' is empty", "'description' is not a string", "'tags' is not a list of strings",
                        "'text' is not a string",
                    ]))
            ),
            (
                ["title": .string("T"), "text": .string("x"), "tags": .list([.string("a"), .int(2)])],
                .failure(ReplyShape.Mismatch(problems: ["'tags' is not a list of strings"]))
            ),
        ] as [([String: ConfigValue], Result<[String: ConfigValue], ReplyShape.Mismatch>)])
    func check(_ object: [String: ConfigValue], _ expected: Result<[String: ConfigValue], ReplyShape.Mismatch>) {
        #expect(Self.shape.check(object) == expected)
    }

    @Test func aRequiredListMustHaveAnItem() {
        let shape = ReplyShape([.textList("tags")])
        #expect(
            shape.check(["tags": .list([.string(" ")])]) == .failure(ReplyShape.Mismatch(problems: ["'tags' is empty"]))
        )
        #expect(shape.check(["tags": .strings("a")]) == .success(["tags": .strings("a")]))
    }

    @Test func aMismatchReadsAsOnePhrase() {
        #expect(
            "\(ReplyShape.Mismatch(problems: ["'a' is missing", "'b' is empty"]))" == "'a' is missing; 'b' is empty")
    }
}
