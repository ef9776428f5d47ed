import Foundation
import ShowrunnerCore
import Yams

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

    /// The entries of a YAML topics file; a permanent failure names the file and the entry that is wrong.
    static func parse(yaml text: String, name: String) throws(StepFailure) -> [TopicEntry] {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw StepFailure(.permanent, "topics file '\(name)' is not valid YAML: \(error).")
        }
        guard let items = loaded as? [Any] else {
            throw StepFailure(.permanent, "topics file '\(name)' must be a list of topics (- title: …).")
        }
        var entries: [TopicEntry] = []
        for (index, item) in items.enumerated() {
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

    private static func entry(_ item: Any) -> TopicEntry? {
        if let title = item as? String { return TopicEntry(title: title.trimmingWhitespace()) }
        guard let fields = item as? [String: Any], let title = (fields["title"] as? String)?.trimmingWhitespace(),
            !title.isEmpty
        else { return nil }
        var entry = TopicEntry(title: title)
        if let script = fields["script"] {
            guard let text = (script as? String)?.trimmingWhitespace(), !text.isEmpty else { return nil }
            guard let keywords = keywords(fields["keywords"]) else { return nil }
            entry.scenes = [Scene(text: text, keywords: keywords)]
        } else if let scenes = fields["scenes"] {
            guard let list = scenes as? [[String: Any]], !list.isEmpty else { return nil }
            for scene in list {
                guard let text = (scene["text"] as? String)?.trimmingWhitespace(), !text.isEmpty,
                    let keywords = keywords(scene["keywords"])
                else { return nil }
                entry.scenes.append(Scene(text: text, keywords: keywords))
            }
        }
        return entry
    }

    /// A list of words, or one comma-separated text (none when absent); nil when it is something else.
    private static func keywords(_ value: Any?) -> [String]? {
        switch value {
        case nil: return []
        case let text as String:
            return text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        case let list as [Any]:
            let words = list.compactMap { $0 as? String }
            return words.count == list.count ? words : nil
        default: return nil
        }
    }
}
