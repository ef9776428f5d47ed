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
        let pipeline = "pipelines/\(name).yaml"
        compare(
            "pipeline", ConfigDecoder.pipeline(text: text, path: pipeline, composer: .events),
            ConfigDecoder.pipeline(text: text, path: pipeline, composer: yams))
        compare(
            "settings", ConfigDecoder.settings(text: text, path: "showrunner.yaml", composer: .events),
            ConfigDecoder.settings(text: text, path: "showrunner.yaml", composer: yams))
        return found
    }

    @Test func theExampleConfigDecodesTheSame() async throws {
        var files: [(name: String, text: String)] = []
        for folder in ["accounts.d", "pipelines"] {
            let directory = Self.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where file.hasSuffix(".yaml") {
                files.append((file, try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)))
            }
        }
        let yams = try await YamsReference.composer(for: files.map(\.text))
        for file in files { #expect(Self.differences(file.text, name: file.name, yams: yams) == []) }
        #expect(files.count >= 8)
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
}
