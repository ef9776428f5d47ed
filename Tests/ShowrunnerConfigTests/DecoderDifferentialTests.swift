import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// The libyaml-events composer gives the same documents as the Yams reader it replaced: the same model, names,
/// source map and diagnostics (file:line:column and text), for the example config, every YAML text written in the
/// test sources, and 10,000 generated documents (valid, broken and hostile).
struct DecoderDifferentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The one known difference: Yams never reported a flow collection's style, so the hint for an unquoted
    /// `{{ … }}` where text is expected only shows now. Removed before comparing.
    static func withoutFlowHint(_ message: String) -> String {
        for hint in [
            "; a value that starts with '{' (such as {{ vars.name }}) must be put in quotes if it is text",
            "; a value that starts with '[' must be put in quotes if it is text",
        ] {
            if let range = message.range(of: hint) { return message.replacingCharacters(in: range, with: "") }
        }
        return message
    }

    /// Every difference between the two readers' documents for `text`, as account, pipeline and settings file;
    /// `yams` is the reader before issue 17 (`YamsReference`).
    static func differences(_ text: String, name: String = "a", yams: YAMLFile.Composer) -> [String] {
        var found: [String] = []
        func compare<Value: Equatable>(_ kind: String, _ new: ConfigDocument<Value>, _ old: ConfigDocument<Value>) {
            let newMessages = new.diagnostics.map { withoutFlowHint($0.rendered) }
            let oldMessages = old.diagnostics.map(\.rendered)
            if new.value != old.value { found.append("\(kind) \(name): models differ") }
            if new.name != old.name || new.refersTo != old.refersTo { found.append("\(kind) \(name): names differ") }
            if new.sourceMap != old.sourceMap { found.append("\(kind) \(name): source maps differ") }
            if newMessages != oldMessages { found.append("\(kind) \(name): \(newMessages) ≠ \(oldMessages)") }
        }
        let account = "accounts.d/\(name).yaml"
        compare(
            "account", ConfigDecoder.account(text: text, path: account, composer: .events),
            ConfigDecoder.account(text: text, path: account, composer: yams))
        // The daemon decodes without marks first (and again with them when the file has a problem).
        let unmarked = ConfigDecoder.account(text: text, path: account, composer: .events, marks: false)
        let marked = ConfigDecoder.account(text: text, path: account, composer: .events)
        if unmarked.value != marked.value || unmarked.name != marked.name
            || unmarked.diagnostics.map(\.message) != marked.diagnostics.map(\.message)
        {
            found.append("account \(name): decoded without marks, the documents differ")
        }
        if !readStraightFromEvents(text, path: account) {
            found.append("account \(name): read from the events, differs")
        }
        let pipeline = "pipelines/\(name).yaml"
        compare(
            "pipeline", ConfigDecoder.pipeline(text: text, path: pipeline, composer: .events),
            ConfigDecoder.pipeline(text: text, path: pipeline, composer: yams))
        compare(
            "settings", ConfigDecoder.settings(text: text, path: "showrunner.yaml", composer: .events),
            ConfigDecoder.settings(text: text, path: "showrunner.yaml", composer: yams))
        return found
    }

    /// False when the event decoder reads `text` (a clean file) into anything but the node tree's document without
    /// marks; true when it leaves the file to the node tree.
    static func readStraightFromEvents(_ text: String, path: String) -> Bool {
        guard let clean = AccountEventDecoder.document(text, path: path, hash: "h") else { return true }
        let tree = ConfigDecoder.account(text: text, path: path, composer: .events, hash: "h", marks: false)
        return tree.diagnostics.isEmpty && clean.diagnostics.isEmpty && clean.value != nil && clean.value == tree.value
            && clean.name == tree.name && clean.refersTo == tree.refersTo && clean.contentHash == tree.contentHash
            && clean.sourceMap == tree.sourceMap
    }

    /// How many of `texts` the event decoder reads itself (the rest go to the node tree).
    static func readByEvents(_ texts: [String]) -> Int {
        texts.count { AccountEventDecoder.document($0, path: "accounts.d/a.yaml", hash: "h") != nil }
    }

    @Test func theExampleConfigDecodesTheSame() async throws {
        var files: [(folder: String, name: String, text: String)] = []
        for folder in ["accounts.d", "pipelines"] {
            let directory = Self.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where file.hasSuffix(".yaml") {
                files.append(
                    (folder, file, try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)))
            }
        }
        let yams = try await YamsReference.composer(for: files.map(\.text))
        for file in files { #expect(Self.differences(file.text, name: file.name, yams: yams) == []) }
        #expect(files.count >= 8)
        let accounts = files.filter { $0.folder == "accounts.d" }.map(\.text)
        #expect(accounts.count >= 5)
        #expect(Self.readByEvents(accounts) == accounts.count, "every example account is read from the events")
    }

    @Test func everyYAMLTextInTheTestsDecodesTheSame() async throws {
        let texts = try DifferentialCorpus.literals(under: Self.root.appendingPathComponent("Tests"))
        #expect(texts.count > 20)
        let yams = try await YamsReference.composer(for: texts)
        for (index, text) in texts.enumerated() {
            let found = Self.differences(text, name: "literal\(index)", yams: yams)
            #expect(found == [], "\(text)")
        }
    }

    @Test func tenThousandGeneratedDocumentsDecodeTheSame() async throws {
        var generator = DifferentialCorpus.Generator(seed: 17)
        let texts = (0..<10_000).map { _ in generator.document() }
        let yams = try await YamsReference.composer(for: texts)
        var failures = 0
        for (index, text) in texts.enumerated() {
            let found = Self.differences(text, name: "g\(index)", yams: yams)
            if !found.isEmpty, failures < 5 {
                Issue.record("document \(index):\n\(text)\n\(found)")
            }
            if !found.isEmpty { failures += 1 }
        }
        #expect(failures == 0)
    }

    /// Mostly clean accounts, and a third of them mutated once: what the event decoder reads itself is the node
    /// tree's document; the rest it leaves to the tree.
    @Test func generatedCleanAccountsReadFromTheEventsDecodeTheSame() {
        var generator = DifferentialCorpus.Generator(seed: 29)
        let clean = (0..<3_000).map { _ in generator.cleanAccount() }
        let mutated = clean.prefix(1_000).map { generator.mutate($0) }
        for (index, text) in (clean + mutated).enumerated() {
            #expect(Self.readStraightFromEvents(text, path: "accounts.d/g\(index).yaml"), "\(text)")
        }
        #expect(Self.readByEvents(clean) > 1_500, "the event decoder reads most clean accounts itself")
        #expect(Self.readByEvents(mutated) > 0)
    }
}
