/// Step inputs that name something outside the config text — a file that must exist, or a colour — checked by
/// `validate` instead of failing at run time: `topic.list`'s `file`, the `background` of `thumbnail` and
/// `video` (or the video's `background.library` folder), `thumbnail`'s `text_color`, and the video's `music`,
/// `intro`, `outro` and `logo`. A dotted name is a key inside a mapping input.
enum ResourceInput {
    enum Kind { case file, folder, colour, colourOrFile, audio }

    static let inputs: [String: [(name: String, kind: Kind)]] = [
        "topic.list": [("file", .file)],
        "thumbnail": [("background", .colourOrFile), ("text_color", .colour)],
        "video": [
            ("background", .colourOrFile), ("background.library", .folder), ("music", .audio), ("intro", .file),
            ("outro", .file), ("logo", .file),
        ],
    ]

    static let audioExtensions: Set<String> = ["mp3", "wav", "ogg", "oga", "opus", "m4a", "aac", "flac"]

    /// The value of input `name` in `with`; `a.b` is key `b` of the mapping `a`.
    static func value(_ with: [String: ConfigValue], _ name: String) -> ConfigValue? {
        guard name.utf8.contains(UInt8(ascii: ".")) else { return with[name] }
        let keys = name.split(separator: ".").map(String.init)
        guard let first = keys.first else { return nil }
        return keys.dropFirst().reduce(with[first]) { value, key in
            guard case .map(let fields)? = value else { return nil }
            return fields[key]
        }
    }

    /// The literal text a value stands for when it is known before a run: plain text without `{{ }}` or `${ }`.
    static func literal(_ value: ConfigValue?) -> String? {
        guard case .string(let text)? = value, !text.containsText("{{"), !text.containsText("${") else { return nil }
        return text
    }

    /// `NAME` when the value is exactly `{{ vars.NAME }}`.
    static func varName(_ value: ConfigValue?) -> String? {
        guard case .string(let text)? = value, let template = try? Template.cached(parsing: text),
            template.parts.count == 1,
            case .reference(let reference) = template.parts[0], reference.root == "vars",
            reference.segments.count == 2
        else { return nil }
        return reference.segments[1]
    }

    /// What is wrong with `text` as input `input` of kind `kind`, or nil. Paths are relative to the config folder.
    static func problem(_ text: String, kind: Kind, input: String, fileExists: (String) -> Bool) -> String? {
        let trimmed = text.trimmingWhitespace()
        switch kind {
        case .file:
            return fileExists(trimmed)
                ? nil
                : "the file '\(trimmed)' does not exist (paths are relative to the config folder); create it or fix "
                    + "the path."
        case .folder:
            return fileExists(trimmed)
                ? nil
                : "the folder '\(trimmed)' does not exist (paths are relative to the config folder); create it or fix "
                    + "the path (scripts/make-media.sh makes the example's media)."
        case .audio:
            let fileExtension = trimmed.split(separator: "/").last?.split(separator: ".").dropFirst().last
            if let fileExtension, !audioExtensions.contains(fileExtension.lowercased()) {
                return
                    "'\(trimmed)' is not an audio file; use an mp3, wav, ogg, opus, m4a or flac file, or a folder of "
                    + "them."
            }
            return problem(trimmed, kind: .file, input: input, fileExists: fileExists)
        case .colour:
            return !isColour(trimmed) ? "'\(trimmed)' is not a colour; \(colourAdvice(trimmed))" : nil
        case .colourOrFile:
            if isColour(trimmed) { return nil }
            if !trimmed.contains(Character("/")) && !trimmed.contains(Character(".")) {
                return "'\(trimmed)' is neither a colour nor a file; \(colourAdvice(trimmed))"
            }
            return fileExists(trimmed)
                ? nil
                : "the \(input) file '\(trimmed)' does not exist (paths are relative to the config folder); create "
                    + "it, fix the path or use a colour."
        }
    }

    /// Colours already seen: 10,000 accounts choose among a handful.
    private static let colours = BoundedMemo<String, Bool>(limit: 1_000)

    /// `MediaColor.parse(text) != nil`, remembered per text.
    static func isColour(_ text: String) -> Bool {
        colours.value(for: text) { MediaColor.parse($0) != nil }
    }

    private static func colourAdvice(_ text: String) -> String {
        let use = "#rrggbb, 0xrrggbb or a colour name such as navy or white, optionally with @alpha."
        guard let hint = Suggestion.closest(to: text.lowercased(), in: MediaColor.names.sorted()) else {
            return "use " + use
        }
        return "did you mean '\(hint)'? Otherwise use " + use
    }
}
