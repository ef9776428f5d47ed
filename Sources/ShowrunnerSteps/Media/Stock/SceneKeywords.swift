import ShowrunnerCore

/// The search words for a scene: the keywords of the script's scene (`[{text, keywords}]`, from the topics file,
/// `script.template` or `script.llm`) whose text shares the most words with it, else words of its own text (the
/// longest, up to `count`, in the order spoken).
enum SceneKeywords {
    static let count = 3

    /// A search query for `text`.
    static func query(for text: String, scripted: [ScriptScene]) -> String {
        let words = Keywords.words(in: text)
        let scored = scripted.map { (scene: $0, score: Keywords.words(in: $0.text).intersection(words).count) }
        if let best = scored.filter({ $0.score > 0 && !$0.scene.keywords.isEmpty }).max(by: { $0.score < $1.score }) {
            return best.scene.keywords.prefix(count).joined(separator: " ")
        }
        return derived(from: text).joined(separator: " ")
    }

    /// Up to `count` words of `text` worth searching for: not function words, the longest first, kept in
    /// spoken order.
    static func derived(from text: String) -> [String] {
        var seen: Set<String> = []
        let spoken = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter { $0.count >= 3 && !Keywords.stopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
            .filter { seen.insert($0).inserted }
        let chosen = Set(spoken.enumerated().sorted { $0.element.count > $1.element.count }.prefix(count).map(\.offset))
        return spoken.indices.filter(chosen.contains).map { spoken[$0] }
    }

    /// `[{text, keywords}]` as given (keywords a list or a comma-separated text); malformed items are skipped.
    static func scripted(_ value: ConfigValue?) -> [ScriptScene] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { item in
            guard case .map(let fields) = item, let text = fields["text"]?.stringValue else { return nil }
            let keywords: [String]
            switch fields["keywords"] {
            case .list(let values)?: keywords = values.compactMap(\.stringValue)
            case .string(let line)?: keywords = line.split(separator: ",").map(String.init)
            default: keywords = []
            }
            return ScriptScene(
                text: text, keywords: keywords.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
        }
    }
}

/// A scene as a script describes it: what is said and what to show.
struct ScriptScene: Sendable, Equatable {
    var text: String
    var keywords: [String]

    var value: ConfigValue { .map(["text": .string(text), "keywords": .list(keywords.map(ConfigValue.string))]) }
}
