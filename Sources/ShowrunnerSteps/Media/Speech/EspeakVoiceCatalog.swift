/// The voices espeak-ng has installed, from `espeak-ng --voices` (languages) and `espeak-ng --voices=variant`
/// (the `+f3` part of `en-us+f3`). A voice is `LANGUAGE[+VARIANT]`; names compare without regard to case, and a
/// language may be given by its code (`en-us`), an alias in "Other Languages" (`en`), its voice name or its file.
public struct EspeakVoiceCatalog: Sendable, Equatable {
    /// What is wrong with a voice name; nil from `check` means it is installed.
    public enum Problem: Sendable, Equatable {
        case unknownLanguage(String)
        case unknownVariant(String)
    }

    public private(set) var languages: Set<String> = []
    public private(set) var variants: Set<String> = []

    /// `voices` and `variants`: the listings printed by the two commands (a header line, then one voice a line).
    public init(voices: String, variants: String) {
        for row in Self.rows(voices) {
            languages.formUnion(Self.names(in: row))
        }
        for row in Self.rows(variants) {
            self.variants.formUnion(Self.names(in: row).filter { $0 != "variant" })
        }
    }

    public func check(_ voice: String) -> Problem? {
        let parts = voice.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let language = parts[0].trimmingSpaces()
        if !languages.contains(language.lowercased()) { return .unknownLanguage(language) }
        if parts.count == 2, !variants.contains(parts[1].lowercased()) { return .unknownVariant(parts[1]) }
        return nil
    }

    /// The columns of each voice line (the header is skipped): priority, language, age/gender, name, file, others.
    private static func rows(_ listing: String) -> [[Substring]] {
        listing.split(separator: "\n").dropFirst().map { $0.split(separator: " ") }.filter { $0.count >= 5 }
    }

    /// The names a row answers to, lowercased: language, voice name, file and its last part, and the other
    /// languages (`(zh-cmn 5)(zh 5)`).
    private static func names(in row: [Substring]) -> Set<String> {
        var names: Set<String> = [row[1], row[3], row[4]].reduce(into: []) { $0.insert($1.lowercased()) }
        if let file = row[4].split(separator: "/").last { names.insert(file.lowercased()) }
        for other in row.dropFirst(5).joined(separator: " ").split(separator: "(") {
            if let name = other.split(separator: " ").first { names.insert(name.lowercased()) }
        }
        return names
    }
}
