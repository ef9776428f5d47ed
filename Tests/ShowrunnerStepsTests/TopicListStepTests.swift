import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct TopicListStepTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    private func pick(
        _ inputs: [String: ConfigValue], runs: Int, randomIndex: @escaping @Sendable (Int) -> Int = { _ in 0 }
    )
        async throws -> [String]
    {
        var titles: [String] = []
        for run in 1...runs {
            let result = try await TopicListStep().run(
                fixture.context(inputs, runID: "run-\(run)", randomIndex: randomIndex))
            titles.append(result.outputs["title"]?.stringValue ?? "?")
        }
        return titles
    }

    @Test func sequentialOrderUsesEveryTopicOnceThenStartsOverWhenAskedTo() async throws {
        let titles = try await pick(["items": .strings("a", "b", "c"), "on_exhausted": .string("repeat")], runs: 7)
        #expect(titles == ["a", "b", "c", "a", "b", "c", "a"])
        #expect(await fixture.topics.resets == 2)
        let marks = await fixture.topics.marks
        #expect(marks.map(\.runID) == (1...7).map { "run-\($0)" })
        #expect(marks.allSatisfy { $0.accountID == "cooking" })
    }

    @Test func shuffleDrawsFromTheUnusedTopicsWithTheGivenRandomness() async throws {
        // Always the last of the remaining topics: c, b, a; then the list starts over.
        let titles = try await pick(
            ["items": .strings("a", "b", "c"), "order": .string("shuffle"), "on_exhausted": .string("repeat")], runs: 4,
            randomIndex: { $0 - 1 })
        #expect(titles == ["c", "b", "a", "c"])
    }

    @Test func aFileSkipsBlankLinesCommentsAndDuplicates() async throws {
        try fixture.write(
            "# cooking topics\n\n  Pasta  \n#Soup\nBread\nPasta\r\n\nCurry # spicy\n", to: "topics/cooking.txt")
        let titles = try await pick(["file": .string("topics/cooking.txt")], runs: 3)
        #expect(titles == ["Pasta", "Bread", "Curry # spicy"])
        #expect(await fixture.topics.lists == ["file:topics/cooking.txt"])
    }

    /// A byte-order mark (Notepad writes one) is not part of the first title.
    @Test func aByteOrderMarkIsNotPartOfTheFirstTitle() async throws {
        try fixture.write("\u{FEFF}Pasta\nBread\n", to: "topics/bom.txt")
        #expect(try await pick(["file": .string("topics/bom.txt")], runs: 2) == ["Pasta", "Bread"])
    }

    /// A file saved as Latin-1 names the place of its first non-UTF-8 byte, as a config file does; a byte-order
    /// mark is not a column.
    @Test(arguments: [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]])
    func aFileThatIsNotUTF8NamesItsFirstBadByte(_ prefix: [UInt8]) async throws {
        try fixture.write(prefix + Array("Cr".utf8) + [0xE8] + Array("me\nPasta\n".utf8), to: "t.txt")  // Latin-1 "è"
        let failure = await stepFailure {
            try await TopicListStep().run(fixture.context(["file": .string("t.txt")]))
        }
        #expect(
            failure?.message == "topics file 't.txt', line 1, column 3: the file is not valid UTF-8 text (byte 0xE8 "
                + "cannot start or continue a character here); save it as UTF-8.")
    }

    /// A FIFO named by mistake fails at once instead of blocking the step until something writes to it.
    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() async throws {
        let fifo = fixture.configDirectory.appendingPathComponent("topics/pipe.txt")
        try FileManager.default.createDirectory(
            at: fifo.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let failure = await stepFailure {
            try await TopicListStep().run(fixture.context(["file": .string("topics/pipe.txt")]))
        }
        #expect(failure?.message.contains("topics file 'topics/pipe.txt' is not a regular file") == true)
    }

    @Test func differentItemListsAreTrackedSeparately() async throws {
        _ = try await pick(["items": .strings("a", "b")], runs: 1)
        _ = try await pick(["items": .string("a, b, c")], runs: 1)
        let lists = await fixture.topics.lists
        #expect(lists.count == 2)
        #expect(lists.allSatisfy { $0.hasPrefix("items:") })
    }

    @Test func aDryRunPicksWithoutMarkingOrResetting() async throws {
        let inputs: [String: ConfigValue] = ["items": .strings("a", "b"), "on_exhausted": .string("repeat")]
        _ = try await pick(inputs, runs: 2)
        let dry = try await TopicListStep().run(fixture.context(inputs, dryRun: true))
        #expect(dry.outputs["title"] == .string("a"))
        #expect(await fixture.topics.marks.count == 2)
        #expect(await fixture.topics.resets == 0)
    }

    @Test(arguments: [
        (["file": ConfigValue.string("topics/missing.txt")], "topics file 'topics/missing.txt' does not exist"),
        (["file": .string("topics/empty.txt")], "topics file 'topics/empty.txt' has no topics"),
        (
            ["file": .string("topics/huge.txt")],
            "topics file 'topics/huge.txt' is 17 MiB; a topics file may be at most 16 MiB"
        ),
        // A symlink is measured by the file it names.
        (["file": .string("topics/link.txt")], "topics file 'topics/link.txt' is 17 MiB"),
        (["file": .string("topics")], "topics file 'topics' is not a regular file"),
        (["items": .list([])], "input 'items' has no topics"),
        (["items": .strings("a"), "file": .string("x.txt")], "either 'items' or 'file'"),
        (["items": .strings("a"), "order": .string("random")], "input 'order' must be sequential or shuffle"),
        (
            ["items": .strings("a"), "on_exhausted": .string("wrap")],
            "input 'on_exhausted' must be stop, skip or repeat"
        ),
    ])
    func badInputFailsPermanently(_ inputs: [String: ConfigValue], _ message: String) async throws {
        try fixture.write("# nothing yet\n\n", to: "topics/empty.txt")
        // 17 MiB without writing them: a sparse file.
        let huge = try FileHandle(forWritingTo: try fixture.write("", to: "topics/huge.txt"))
        try huge.truncate(atOffset: 17 << 20 - 1)
        try huge.close()
        try? FileManager.default.createSymbolicLink(
            atPath: fixture.configDirectory.appendingPathComponent("topics/link.txt").path,
            withDestinationPath: "huge.txt")
        let failure = await stepFailure { try await TopicListStep().run(fixture.context(inputs)) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains(message) == true, "\(String(describing: failure))")
    }

    @Test(arguments: [(nil, true), ("stop", true), ("skip", false)] as [(String?, Bool)])
    func aUsedUpListSkipsTheRunInsteadOfRepeatingATopic(_ policy: String?, _ pauses: Bool) async throws {
        try fixture.write("Pasta\nBread\n", to: "topics/cooking.txt")
        var inputs: [String: ConfigValue] = ["file": .string("topics/cooking.txt")]
        if let policy { inputs["on_exhausted"] = .string(policy) }
        #expect(try await pick(inputs, runs: 2) == ["Pasta", "Bread"])

        let used = try await TopicListStep().run(fixture.context(inputs, runID: "run-3"))
        #expect(used.outputs["title"] == nil)
        #expect(used.skipsRun?.pausesAccount == pauses)
        #expect(used.skipsRun?.reason.contains("every topic of topics file 'topics/cooking.txt' was used") == true)
        #expect(await fixture.topics.marks.count == 2)
        #expect(await fixture.topics.resets == 0)

        try fixture.write("Pasta\nBread\nCurry\n", to: "topics/cooking.txt")  // the user adds a topic
        let next = try await TopicListStep().run(fixture.context(inputs, runID: "run-4"))
        #expect(next.outputs["title"] == .string("Curry"))
        #expect(next.skipsRun == nil)
    }
}
