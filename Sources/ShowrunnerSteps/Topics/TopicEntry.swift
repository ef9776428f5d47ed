import Foundation
import ShowrunnerCore
import ShowrunnerYAML

/// One topic of a YAML topics file (`topics/space.yaml`): a title and, optionally, its script, written as
/// `script:` (with `keywords:`) or as `scenes:` of `{text, keywords}`. A bare string is a title alone, as in a
/// `.txt` file.
///
///     - title: Saturn would float in a big enough bathtub
///       scenes:
///         - text: Saturn is the second largest planet, yet it is the least dense.
///           keywords: [saturn, planet]
struct TopicEntry: Sendable, Equatable {
    /// A part of the script and the words that describe what to show under it.
    struct Scene: Sendable, Equatable {
        var text: String
        var keywords: [String]

        var value: ConfigValue {
            .map(["text": .string(text), "keywords": .list(keywords.map { .string($0) })])
        }
    }

    var title: String
    var scenes: [Scene] = []

    /// The whole script (the scenes' texts, in order); nil for a title alone.
    var script: String? {
        scenes.isEmpty ? nil : scenes.map(\.text).joined(separator: " ")
    }

    /// The entries of a YAML topics file; a permanent failure names the file and the entry that is wrong. Read as
    /// config files are (`YAMLEventComposer`): an alias bomb or a file nested too deep is refused at the alias.
    static func parse(yaml text: String, name: String) throws(StepFailure) -> [TopicEntry] {
        let root: YAMLNode?
        switch YAMLEventComposer.compose(text, file: name) {
        case .root(let node): root = node
        case .empty: root = nil
        case .overLimit(let problem): throw failure(problem, in: name)
        case .notYAML(let problem): throw failure(problem.diagnostic(file: name, text: text), in: name)
        }
        guard case .sequence(let items)? = root else {
            throw StepFailure(.permanent, "topics file '\(name)' must be a list of topics (- title: …).")
        }
        var entries: [TopicEntry] = []
        for (index, item) in items.enumerated() {
            if case .mapping(let fields) = item, fields["<<"] != nil {
                throw StepFailure(
                    .permanent,
                    "topics file '\(name)': topic \(index + 1) uses a merge key (<<), which is not expanded; write "
                        + "its keys out.")
            }
            guard let entry = entry(item) else {
                throw StepFailure(
                    .permanent,
                    "topics file '\(name)': topic \(index + 1) must be a title or {title, script or scenes: "
                        + "[{text, keywords}]}.")
            }
            entries.append(entry)
        }
        return entries
    }

    /// A permanent failure that names the file and, when known, the line and column (as config files' errors do).
    private static func failure(_ problem: Diagnostic, in name: String) -> StepFailure {
        let place = problem.line.map { ", line \($0), column \(problem.column ?? 1)" } ?? ""
        return StepFailure(.permanent, "topics file '\(name)'\(place): \(problem.message)")
    }

    private static func entry(_ item: YAMLNode) -> TopicEntry? {
        if let title = text(item) { return TopicEntry(title: title.trimmingWhitespace()) }
        guard case .mapping(let fields) = item, let title = fields["title"].flatMap(text)?.trimmingWhitespace(),
            !title.isEmpty
        else { return nil }
        var entry = TopicEntry(title: title)
        if let script = fields["script"] {
            guard let text = text(script)?.trimmingWhitespace(), !text.isEmpty,
                let keywords = keywords(fields["keywords"])
            else { return nil }
            entry.scenes = [Scene(text: text, keywords: keywords)]
        } else if let scenes = fields["scenes"] {
            guard case .sequence(let list) = scenes, !list.isEmpty else { return nil }
            for scene in list {
                guard case .mapping(let scene) = scene, let text = scene["text"].flatMap(text)?.trimmingWhitespace(),
                    !text.isEmpty, let keywords = keywords(scene["keywords"])
                else { return nil }
                entry.scenes.append(Scene(text: text, keywords: keywords))
            }
        }
        return entry
    }

    /// A list of words, or one comma-separated text (none when absent); nil when it is something else.
    private static func keywords(_ node: YAMLNode?) -> [String]? {
        guard let node else { return [] }
        if let text = text(node) {
            return text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        guard case .sequence(let list) = node else { return nil }
        let words = list.compactMap(text)
        return words.count == list.count ? words : nil
    }

    /// A scalar's text; nil for a mapping, a list or a plain null (`~`, `null`, nothing).
    private static func text(_ node: YAMLNode) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.isNull ? nil : scalar.string
    }
}
