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

    @Test(
        arguments: [
            [:], ["x": ConfigValue.string("1")],
            [
                "topics_file": .string("topics/a.txt"), "n": .int(3), "on": .bool(true),
                "list": .list([.null, .double(1.5)]),
            ],
            ["map": .map(["b": .string("2"), "a": .string("1")]), "": .string("empty key")],
        ] as [[String: ConfigValue]])
    func compactMapsReadBackWhatTheyWereGiven(dictionary: [String: ConfigValue]) {
        #expect(CompactMap(dictionary).dictionary == dictionary)
        let account = Account(
            id: "a", channel: Channel(type: "t"), schedule: nil, pipeline: .named("p"), vars: dictionary,
            stepOverrides: ["upload": StepOverrides(with: dictionary, optional: true)])
        #expect(account.vars == dictionary && account.stepOverrides["upload"]?.with == dictionary)
    }

    /// Equal maps are equal whatever order they were built in: an unchanged account must not look changed on reload.
    @Test func compactMapsAreEqualWhateverTheOrderTheyWereBuiltIn() {
        var forward: [String: ConfigValue] = [:]
        var backward: [String: ConfigValue] = [:]
        let keys = (0..<40).map { "key\($0)" }
        for key in keys { forward[key] = .string(key) }
        for key in keys.reversed() { backward[key] = .string(key) }
        #expect(CompactMap(forward) == CompactMap(backward))
        #expect(CompactMap(forward).hashValue == CompactMap(backward).hashValue)
        backward["key7"] = .string("changed")
        #expect(CompactMap(forward) != CompactMap(backward))
    }

    /// A rarely set part kept only when set: setting and clearing it leaves a value equal to one that never had it.
    @Test func rareSettingsClearedEqualNeverSet() {
        var voice = Voice(provider: .piper, voice: "joe")
        voice.pitch = 40
        voice.run = ["say"]
        #expect(voice.pitch == 40 && voice.run == ["say"] && voice != Voice(provider: .piper, voice: "joe"))
        voice.pitch = nil
        voice.run = nil
        #expect(voice == Voice(provider: .piper, voice: "joe"))
        #expect(Voice(pitch: 40) == Voice(pitch: 40) && Voice(apiKey: "${env:K}").apiKey == "${env:K}")
        var channel = Channel(type: "t", youtube: YouTubeSettings(credentials: "${file:c.json}", project: "p"))
        #expect(channel.youtube?.credentials == "${file:c.json}")
        channel.youtube?.playlistID = "PL1"
        #expect(channel.youtube?.playlistID == "PL1")
        channel.youtube = nil
        #expect(channel == Channel(type: "t"))
    }

    @Test func aPipelineCopyChangesAlone() {
        let original = Pipeline(name: "p", steps: [PipelineStep(id: "a", uses: "command", needs: [])])
        var copy = original
        #expect(copy == original && copy.hashValue == original.hashValue)
        copy.steps.append(PipelineStep(id: "b", uses: "command", needs: ["a"]))
        copy.description = "two steps"
        #expect(original.steps.map(\.id) == ["a"] && original.description == nil)
        #expect(copy.steps.map(\.id) == ["a", "b"] && copy != original)
        #expect(Pipeline(name: "p", steps: [PipelineStep(id: "a", uses: "command", needs: [])]) == original)
    }
}
