import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// Small files built to cost a lot (alias bombs, deep nesting, huge or broken bytes) are refused quickly, with the
/// place that goes over the limit.
struct HostileYAMLTests {
    /// The classic "billion laughs": `levels` anchors, each a list of nine aliases of the one before, under `vars`.
    static func aliasBomb(levels: Int, under key: String = "vars") -> String {
        var text = "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\n\(key):\n"
        text += "  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<levels {
            let aliases = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
            text += "  l\(level): &l\(level) [\(aliases)]\n"
        }
        return text
    }

    /// Decodes and validates `text` as `accounts.d/a.yaml`; fails the test if it takes more than `limit`.
    static func diagnostics(_ text: String, limit: Duration = .seconds(5)) -> [String] {
        let clock = ContinuousClock()
        let start = clock.now
        var fixture = ConfigFixture()
        fixture.pipelines = ["p": "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"true\"] } }\n"]
        fixture.accounts = ["a": text]
        let rendered = fixture.diagnostics()
        #expect(clock.now - start < limit, "decoding took \(clock.now - start)")
        return rendered
    }

    @Test(arguments: [
        // 8 levels: 9^8 = 43 million values once expanded; refused at the first alias that goes over.
        (aliasBomb(levels: 8), "accounts.d/a.yaml:9:12: error: alias '*l3' makes the file expand to more than 10000"),
        (aliasBomb(levels: 12, under: "steps"), "accounts.d/a.yaml:9:12: error: alias '*l3' makes the file expand"),
        // An alias used as a mapping key is hashed by the YAML library itself while composing.
        (
            aliasBomb(levels: 4) + "  ? *l3\n  : x\n",
            "accounts.d/a.yaml:9:5: error: alias '*l3' makes the file expand to more than 10000"
        ),
    ])
    func anAliasBombIsRefusedAtTheAlias(text: String, expected: String) {
        let found = Self.diagnostics(text)
        #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
        #expect(found.contains { $0.hasSuffix("write the values out or use fewer nested aliases.") })
    }

    @Test func aFewAliasesStillWork() throws {
        let text = """
            channel: { type: c }
            schedule: { cron: "0 9 * * *" }
            pipeline: p
            vars:
              base: &base { tone: calm, length: 60 }
              morning: *base
              evening: *base

            """
        #expect(Self.diagnostics(text) == [])
    }

    @Test(arguments: [
        (String(repeating: "[", count: 150), "accounts.d/a.yaml:1:101: error: the file nests deeper than 100 levels"),
        // libyaml looks ahead at most 1024 characters on one line: the limit is met as the events come.
        (
            String(repeating: "[", count: 100_000),
            "accounts.d/a.yaml:1:101: error: the file nests deeper than 100 levels"
        ),
        (
            "vars:\n  deep: &d " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
                + "\n  deeper: " + String(repeating: "[", count: 60) + "*d" + String(repeating: "]", count: 60) + "\n",
            "accounts.d/a.yaml:3:71: error: alias '*d' nests the file deeper than 100 levels"
        ),
    ])
    func deepNestingIsRefused(text: String, expected: String) {
        let found = Self.diagnostics(text)
        #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
        #expect(found.contains { $0.contains("deeper than") })
    }

    @Test func aFileOverOneMebibyteIsAnErrorAndIsNotReadWhole() throws {
        let folder = try ConfigFolder()
        let path = folder.url.appendingPathComponent("accounts.d/huge.yaml")
        #expect(FileManager.default.createFile(atPath: path.path, contents: Data("vars: {}\n".utf8)))
        #expect(truncate(path.path, 4 << 30) == 0)  // 4 GiB, sparse: reading it whole would exhaust memory
        let document = ConfigLoader(directory: folder.url.path).loadAccount("accounts.d/huge.yaml")
        #expect(
            document.diagnostics.map(\.rendered) == [
                "accounts.d/huge.yaml:1:1: error: the file is larger than 1 MiB, too large for a config file; it was "
                    + "not read. Keep long lists (topics) in their own files."
            ])
        let report = folder.registry().rescan()
        #expect(report.errors.map(\.file) == ["accounts.d/huge.yaml"])
    }

    @Test func aFIFONamedLikeAConfigFileIsAnErrorInsteadOfAHang() throws {
        let folder = try ConfigFolder()
        #expect(mkfifo(folder.url.appendingPathComponent("accounts.d/pipe.yaml").path, 0o644) == 0)
        let expected = ["accounts.d/pipe.yaml:1:1: error: cannot read the file: it is not a regular file."]
        #expect(folder.registry().rescan().errors.map(\.rendered) == expected)
        #expect(
            ConfigLoader(directory: folder.url.path).loadAccount("accounts.d/pipe.yaml").diagnostics.map(\.rendered)
                == expected)
    }

    @Test func invalidUTF8IsReportedAtTheFirstBadByte() throws {
        var bytes = Data("channel:\n  type: caf".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(contentsOf: Data("\npipeline: p\n".utf8))
        let document = ConfigDecoder.account(data: bytes, path: "accounts.d/a.yaml")
        #expect(
            document.diagnostics.map(\.rendered) == [
                "accounts.d/a.yaml:2:12: error: the file is not valid UTF-8 text (byte 0xC3 cannot start or continue "
                    + "a character here); save it as UTF-8."
            ])
    }

    @Test func theDaemonKeepsTheLastGoodVersionOfAFileThatTurnsToInvalidUTF8() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        registry.rescan()
        var bytes = Data(ConfigFolder.account(cron: "5 9 * * *").utf8)
        bytes.insert(0xFF, at: bytes.count - 3)
        try bytes.write(to: folder.url.appendingPathComponent("accounts.d/a.yaml"))
        let report = registry.rescan()
        #expect(
            report.errors.map(\.rendered).first?.hasPrefix("accounts.d/a.yaml:3:10: error: the file is not valid UTF-8")
                == true, "\(report.errors.map(\.rendered))")
        #expect(registry.cron("a") == "0 9 * * *")
    }

    @Test func aControlCharacterIsReportedWhereItIs() {
        let found = Self.diagnostics("channel: { type: c }\nname: \"a\u{01}b\"\n")
        #expect(
            found.first?.hasPrefix("accounts.d/a.yaml:2:9: error: the file cannot be read as YAML text") == true,
            "\(found)")
    }
}
