import Foundation
import ShowrunnerCore

/// The `video` step's composition inputs, read and checked before anything renders.
struct VideoSettings: Sendable, Equatable {
    /// What fills the frame: one background for the whole video, or scenes from a library folder.
    enum Backdrop: Sendable, Equatable {
        case single(MediaBackground)
        case library(URL)
        /// Footage searched per scene at a stock provider.
        case stock(StockSettings)
    }

    static let defaultBackground = "#14213d"
    static let defaultMusicVolume = -18.0
    static let defaultTransition = 0.3

    var backdrop: Backdrop
    var music: URL?
    /// dB applied to the music before it is ducked under the voice.
    var musicVolume: Double
    /// Seconds of each crossfade between scenes; 0 cuts.
    var transition: Double
    var intro: URL?
    var outro: URL?
    var logo: URL?

    static func parse(_ context: StepContext) throws(StepFailure) -> VideoSettings {
        VideoSettings(
            backdrop: try backdrop(context), music: try file(context, "music", what: "music file or folder"),
            musicVolume: try number(context, "music_volume") ?? defaultMusicVolume,
            transition: max(0, try number(context, "transition") ?? defaultTransition),
            intro: try file(context, "intro", what: "intro clip"),
            outro: try file(context, "outro", what: "outro clip"),
            logo: try file(context, "logo", what: "logo image"))
    }

    private static func backdrop(_ context: StepContext) throws(StepFailure) -> Backdrop {
        if case .map(let fields)? = context.inputs["background"] {
            if fields["stock"] != nil { return .stock(try StockSettings.parse(fields, resolve: context.path)) }
            guard let folder = fields["library"]?.stringValue?.trimmingSpaces(), !folder.isEmpty else {
                throw StepFailure(
                    .permanent,
                    "input 'background' as a mapping needs 'library: FOLDER' (a folder of clips and images) or 'stock: pexels|pixabay'."
                )
            }
            return .library(context.path(folder))
        }
        let text = try context.trimmedString("background") ?? defaultBackground
        return .single(try MediaBackground.parse(text, input: "background", resolve: context.path))
    }

    private static func file(_ context: StepContext, _ name: String, what: String) throws(StepFailure) -> URL? {
        guard let text = try context.trimmedString(name), !text.isEmpty else { return nil }
        let url = context.path(text)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StepFailure(.permanent, "input '\(name)': the \(what) \(url.path) does not exist.")
        }
        return url
    }

    /// A number, also as text with a unit (`-18dB`, `0.3s`).
    private static func number(_ context: StepContext, _ name: String) throws(StepFailure) -> Double? {
        switch context.inputs[name] {
        case nil, .null?: return nil
        case .int(let value)?: return Double(value)
        case .double(let value)?: return value
        case .string(let text)?:
            let trimmed = text.trimmingSpaces().lowercased()
            let digits =
                trimmed.hasSuffix("db")
                ? trimmed.dropLast(2) : trimmed.hasSuffix("s") ? trimmed.dropLast() : Substring(trimmed)
            if let value = Double(digits.trimmingCharacters(in: .whitespaces)) { return value }
            throw StepFailure(.permanent, "input '\(name)' must be a number, found '\(text)'.")
        default: throw StepFailure(.permanent, "input '\(name)' must be a number.")
        }
    }
}
