import ShowrunnerCore

/// Step inputs the scene tests share.
enum ConfigValueFixtures {
    /// The tts step's `sentences` output: `[{text, start, end}]`.
    static func sentences(_ items: [(String, Double, Double)]) -> ConfigValue {
        .list(
            items.map { text, start, end in
                .map(["text": .string(text), "start": .double(start), "end": .double(end)])
            })
    }
}
