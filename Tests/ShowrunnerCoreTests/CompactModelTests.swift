import Testing

@testable import ShowrunnerCore

/// The compact representations of issue 17 behave as the plain ones they replaced.
struct CompactModelTests {
    static func map() -> SourceMap {
        var map = SourceMap(file: "accounts.d/a.yaml")
        map.record("", SourceLocation(line: 1, column: 1))
        map.record("schedule", SourceLocation(line: 3, column: 1))
        map.record("schedule.cron", SourceLocation(line: 4, column: 9))
        map.record("steps[2].with", SourceLocation(line: 9, column: 5))
        map.record("vars.café", SourceLocation(line: 12, column: 3))
        return map
    }

    @Test(arguments: [
        ("schedule.cron", 4, 9), ("schedule.timezone", 3, 1), ("steps[2].with.file", 9, 5), ("steps[2]", 1, 1),
        ("vars.café", 12, 3), ("vars.cafe", 1, 1), ("", 1, 1), ("schedule.cronx", 3, 1),
    ])
    func sourceMapFindsAPathOrItsNearestParent(path: String, line: Int, column: Int) {
        #expect(Self.map().location(of: path) == SourceLocation(line: line, column: column))
    }

    @Test func sourceMapRecordsReplaceAndCompareByContent() {
        var map = Self.map()
        #expect(map.contains("schedule.cron") && !map.contains("schedule.cro") && !map.contains("schedule.crons"))
        map.record("schedule.cron", SourceLocation(line: 5, column: 2))
        #expect(map.location(of: "schedule.cron") == SourceLocation(line: 5, column: 2))
        #expect(map != Self.map())
        #expect(Self.map() == Self.map())
        #expect(SourceMap(file: "x").location(of: "a.b") == nil)
    }

    /// The decoders' first-record-wins paths (joined or as parent and key) build the same map as `record`.
    @Test func sourceMapRecordFirstMatchesRecordAndKeepsTheFirst() {
        var map = SourceMap(file: "accounts.d/a.yaml")
        map.recordFirst("", SourceLocation(line: 1, column: 1))
        map.recordFirst(parent: "", key: "schedule", SourceLocation(line: 3, column: 1))
        map.recordFirst(parent: "schedule", key: "cron", SourceLocation(line: 4, column: 9))
        map.recordFirst("steps[2].with", SourceLocation(line: 9, column: 5))
        map.recordFirst(parent: "vars", key: "café", SourceLocation(line: 12, column: 3))
        #expect(map == Self.map())
        map.recordFirst(parent: "schedule", key: "cron", SourceLocation(line: 7, column: 7))
        map.recordFirst("schedule.cron", SourceLocation(line: 7, column: 7))
        map.recordFirst(parent: "steps[2]", key: "with", SourceLocation(line: 7, column: 7))
        #expect(map == Self.map())
        map.recordFirst(parent: "schedule", key: "cro", SourceLocation(line: 7, column: 7))
        #expect(map.location(of: "schedule.cro") == SourceLocation(line: 7, column: 7))
        #expect(map.location(of: "schedule.cron") == SourceLocation(line: 4, column: 9))
    }

    @Test func anAccountCopyChangesAloneAndEqualsByValue() {
        let original = Account(id: "a", channel: Channel(type: "test"), schedule: nil, pipeline: .named("p"))
        var copy = original
        #expect(copy == original && copy.hashValue == original.hashValue)
        copy.vars["x"] = .string("1")
        copy.enabled = false
        #expect(original.vars.isEmpty && original.enabled)
        #expect(copy.vars["x"] == .string("1") && !copy.enabled && copy != original)
        var rebuilt = Account(id: "a", channel: Channel(type: "test"), schedule: nil, pipeline: .named("p"))
        #expect(rebuilt == original && Set([rebuilt, original]).count == 1)
        rebuilt.name = "b"
        #expect(rebuilt != original)
    }

    @Test(arguments: [
        ("{{ vars.x }}", "{{", true), ("plain", "{{", false), ("a ${env:X}", "${", true), ("", "", true),
        ("", "x", false), ("ab", "abc", false), ("naïve {{", "{{", true), ("{", "{{", false),
    ])
    func containsTextFindsBytes(text: String, needle: String, found: Bool) {
        #expect(text.containsText(needle) == found)
        #expect(Substring(text).containsText(needle) == found)
    }

    @Test(arguments: ["Hi {{ account.name }}", "no templates", "{{ steps.topic.title", "{{ }}"])
    func cachedTemplatesMatchParsedOnes(text: String) {
        let parsed = Result { () throws(Template.SyntaxError) in try Template(parsing: text) }
        for _ in 0..<2 {
            let cached = Result { () throws(Template.SyntaxError) in try Template.cached(parsing: text) }
            #expect(String(describing: cached) == String(describing: parsed))
        }
    }
}
