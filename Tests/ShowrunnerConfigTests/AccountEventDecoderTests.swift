import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// The decoder on libyaml's events reads clean account files itself and leaves every other file to the node tree's
/// reader, which reports it at its line and column.
struct AccountEventDecoderTests {
    static let clean = """
        name: Cooking
        channel: { type: cooking, language: pt-BR }
        schedule:
          cron: "0 9 * * MON-FRI"
          timezone: Europe/Berlin
          jitter: 30s
          catch_up: { window: 6h, policy: all }
        voice: { provider: espeak, voice: en-us+f3, speed: 1.0 }
        pipeline: shorts
        vars:
          topic: bread
          count: 12
          ratio: 1.5
          nested: { list: [a, 2, true, ~], quoted: '12' }
        steps:
          upload:
            with: { dir: out }
            retry: { attempts: 3, delay: 30s, on: [transient] }
            timeout: 5m
            optional: true
        notify: [{ url: "http://127.0.0.1:9/hook", format: slack }]
        runs_on: [gpu]

        """

    @Test func aCleanFileIsReadFromTheEventsIntoTheNodeTreesModel() throws {
        let path = "accounts.d/cooking.yaml"
        let document = try #require(AccountEventDecoder.document(Self.clean, path: path, hash: "h"))
        let tree = ConfigDecoder.account(text: Self.clean, path: path, composer: .events, hash: "h", marks: false)
        #expect(tree.diagnostics.isEmpty)
        #expect(document.value == tree.value)
        #expect(document.name == "cooking")
        #expect(document.refersTo == "shorts")
        let account = try #require(document.value)
        #expect(
            account.vars["nested"]
                == .map(["list": .list([.string("a"), .int(2), .bool(true), .null]), "quoted": .string("12")]))
        #expect(account.stepOverrides["upload"]?.retry?.attempts == 3)
        #expect(account.runsOn == ["gpu"])
    }

    /// Each input differs from a clean file in one thing the event decoder does not read itself. Through the reader
    /// `validate` and the daemon use, the node tree then reads it (`valid`: anchors, aliases, tags) or reports it.
    @Test(arguments: [
        ("an anchor", true, "vars: &v { a: 1 }"),
        ("an alias", true, "vars: { a: &x 1, b: *x }"),
        ("a tag", true, "vars: { a: !!str 1 }"),
        ("a key written twice", false, "vars: { a: 1, a: 2 }"),
        ("an unknown key", false, "nmae: typo"),
        ("a file over 1 MiB", false, "vars: { a: \"" + String(repeating: "x", count: 1 << 20) + "\" }"),
        ("an override written twice", false, "steps: { upload: {}, upload: {} }"),
        ("a mapping as a key", false, "vars: { { a: 1 }: 2 }"),
        ("a value of the wrong shape", false, "vars: [a, b]"),
        ("an invalid cron", false, "schedule: { cron: nope }"),
        ("a second document", false, "---\nname: y"),
        ("a syntax error", false, "vars: { a: [1, 2 }"),
        (
            "nesting past the limit", false,
            "vars: { x: " + String(repeating: "[", count: 101) + String(repeating: "]", count: 101) + " }"
        ),
    ])
    func theRestIsLeftToTheNodeTree(_ what: String, _ valid: Bool, _ change: String) {
        let text = Self.replacingFirstKey(of: change, in: Self.clean)
        #expect(AccountEventDecoder.document(text, path: "accounts.d/c.yaml", hash: "h") == nil, "\(what)")
        let contents = FileTable.Contents(data: Data(text.utf8), hash: "h", signature: nil)
        let document = ConfigReader.compactAccount(contents, path: "accounts.d/c.yaml", knownID: nil) { _ in
            SourceMap(file: "accounts.d/c.yaml")
        }
        #expect((document.value != nil) == valid, "\(what)")
        #expect(document.diagnostics.isEmpty == valid, "\(what): \(document.diagnostics.map(\.rendered))")
        #expect(document.diagnostics.allSatisfy { $0.line != nil }, "\(what): every problem has its line")
    }

    @Test func aFileLeftToTheNodeTreeStillGetsItsLocatedDiagnostic() {
        let text = Self.replacingFirstKey(of: "nmae: typo", in: Self.clean)
        let contents = FileTable.Contents(data: Data(text.utf8), hash: "h", signature: nil)
        let document = ConfigReader.compactAccount(contents, path: "accounts.d/c.yaml", knownID: nil) { _ in
            SourceMap(file: "accounts.d/c.yaml")
        }
        #expect(document.value == nil)
        #expect(
            document.diagnostics.map(\.rendered) == [
                "accounts.d/c.yaml:1:1: error: nmae: unknown key 'nmae'; did you mean 'name'?"
            ])
    }

    /// `text` with the block of `change`'s first key replaced by `change` (or `change` first, for a new key; last,
    /// for a document).
    static func replacingFirstKey(of change: String, in text: String) -> String {
        if change.hasPrefix("---") { return text + change }
        let key = change.prefix { $0 != ":" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return change + "\n" + text }
        var end = index + 1
        while end < lines.count, lines[end].hasPrefix(" ") { end += 1 }
        lines.replaceSubrange(index..<end, with: [change])
        return lines.joined(separator: "\n")
    }
}
