/// Escaping for a value inside an ffmpeg filtergraph (`drawtext=fontfile=VALUE`): first as an option value
/// (`\`, `'` and `:`), then as part of the graph (`\`, `'`, `[`, `]`, `,` and `;`).
enum FilterEscaping {
    static func value(_ text: String) -> String {
        escape(escape(text, "\\':"), "\\'[],;")
    }

    private static func escape(_ text: String, _ special: String) -> String {
        var result = ""
        for character in text {
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
