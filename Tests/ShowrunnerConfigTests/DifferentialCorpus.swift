import Foundation

/// Inputs for `DecoderDifferentialTests`: the multi-line string literals of the test sources, and a seeded
/// generator of account and pipeline files, valid and mutated (YAML's special characters, anchors and aliases,
/// merge keys, duplicate keys, tabs, cut-off files).
enum DifferentialCorpus {
    /// Every `"""` literal in the Swift files under `folder`, with its indentation removed.
    static func literals(under folder: URL) throws -> [String] {
        var texts: [String] = []
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for file in files.sorted() where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            var body: [Substring]?
            for line in lines {
                let trimmed = line.drop { $0 == " " }
                if body == nil, trimmed.hasSuffix("\"\"\"") && !trimmed.hasPrefix("\"\"\"") {
                    body = []
                } else if var current = body {
                    if trimmed.hasPrefix("\"\"\"") {
                        let indent = line.count - trimmed.count
                        texts.append(
                            current.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n"))
                        body = nil
                    } else {
                        current.append(line)
                        body = current
                    }
                }
            }
        }
        return texts
    }

    /// SplitMix64: the same documents on every run.
    struct Generator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }

        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

        static let specials = [
            "*", "&", "!", "|", ">", "%", "@", "`", "{", "}", "[", "]", ":", ": ", "- ", "? ", "#", "'", "\"", "\t",
            "\n", "---\n", "...\n", "*a", "&a ", "!!str ", "!!int ", "<<: *a\n", "\\", "{{", "}}", ",", "\r", "~",
            "null", "yes", "0755", "1e3", "-0", ".5", "&b [x, y]", "\u{7}", "é", "\u{2028}",
        ]

        static let values = [
            "cooking", "\"0 9 * * *\"", "'*/5 * * * *'", "0 9 * * MON-FRI", "Europe/Berlin", "30s", "2m", "true", "no",
            "12", "1.5", "~", "\"{{ vars.topic }}\"", "{{ vars.topic }}", "[a, b]", "{ a: 1 }", "|\n    text\n    more",
            ">-\n    folded", "*anchor", "&anchor shared", "!!str 5", "'it''s'", "\"tab\\there\"", "[]", "{}",
        ]

        mutating func account() -> String {
            let aliased = int(3) == 0
            var lines = [
                "id: acc\(int(50))", "name: \(pick(Self.values))", "enabled: \(pick(["true", "false", "yes", "1"]))",
                "channel:", "  type: \(pick(Self.values))", "  language: \(pick(["en", "de", "pt-BR", "xx-", "1"]))",
                "schedule:", "  cron: \(pick(Self.values))",
                "  timezone: \(pick(["UTC", "Europe/Berlin", "Mars/Base"]))",
                "  jitter: \(pick(["0", "30s", "5x"]))", "  overlap: \(pick(["skip", "queue", "allow", "maybe"]))",
                "pipeline: \(pick(["shorts", "{ steps: [ { id: a, uses: tts } ] }", "[x]"]))",
                aliased ? "vars: &vars" : "vars:", "  topic: \(pick(Self.values))", "  count: \(pick(Self.values))",
                "steps:", "  voice:", "    with: { speed: \(pick(Self.values)) }",
                "    retry: { attempts: \(pick(["3", "0", "x"])), delay: 10s, on: [transient, \(pick(["auth", "timeout"]))] }",
            ]
            if aliased { lines += ["extra: *vars", "merged:", "  <<: *vars", "  topic: x"] }
            if int(4) == 0 { lines.insert("nmae: typo", at: int(lines.count)) }
            return lines.joined(separator: "\n") + "\n"
        }

        mutating func pipeline() -> String {
            var lines = [
                "name: p\(int(9))", "defaults:", "  retry: &r { attempts: 3, delay: 5s }", "  timeout: 10m", "steps:",
            ]
            for index in 0..<(1 + int(5)) {
                lines.append("  - id: \(pick(["s\(index)", "Bad", "s_\(index)"]))")
                lines.append("    uses: \(pick(["tts", "video", "topic.list", "script.template", "command"]))")
                if int(2) == 0 { lines.append("    with: { file: \(pick(Self.values)), n: \(pick(Self.values)) }") }
                if int(3) == 0 { lines.append("    retry: *r") }
                if int(4) == 0 { lines.append("    needs: [\(pick(["s0", "nope", ""]))]") }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// Alias bombs and deep nesting, as `Tests/fuzz/yaml_fuzz.py` writes them.
        mutating func hostile() -> String {
            let depth = pick([50, 99, 101, 150, 1001])
            switch int(3) {
            case 0:
                let width = 3 + int(8)
                var lines = [
                    "vars:", "  b0: &b0 [" + Array(repeating: "lol", count: width).joined(separator: ", ") + "]",
                ]
                for level in 1..<(5 + int(8)) {
                    let aliases = Array(repeating: "*b\(level - 1)", count: width).joined(separator: ", ")
                    lines.append("  b\(level): &b\(level) [\(aliases)]")
                }
                return "channel: { type: c }\n" + lines.joined(separator: "\n") + "\n"
            case 1:
                return "vars:\n  x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                    + "\n"
            default:
                return "vars:\n  x: " + String(repeating: "{a: ", count: depth) + "1"
                    + String(repeating: "}", count: depth)
                    + "\n"
            }
        }

        /// One document: about half left valid, the rest mutated once to a few times; one in 50 hostile.
        mutating func document() -> String {
            if int(50) == 0 { return hostile() }
            var text = int(3) == 0 ? pipeline() : account()
            for _ in 0..<int(4) { text = mutate(text) }
            return text
        }

        mutating func mutate(_ text: String) -> String {
            var scalars = Array(text.unicodeScalars)
            guard !scalars.isEmpty else { return text }
            let at = int(scalars.count)
            switch int(5) {
            case 0: scalars.insert(contentsOf: pick(Self.specials).unicodeScalars, at: at)
            case 1: scalars.remove(at: at)
            case 2: scalars = Array(scalars[..<at])
            case 3:
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = int(lines.count)
                lines.insert(lines[int(lines.count)], at: line)
                return lines.joined(separator: "\n")
            default:
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = int(lines.count)
                lines[line] = " " + lines[line]
                return lines.joined(separator: "\n")
            }
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars)
            return String(result)
        }
    }
}
