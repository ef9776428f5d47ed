import Foundation
import ShowrunnerCore
import ShowrunnerYAML

/// Decodes an account file (SPEC §2.1) into an `Account`, collecting every problem.
struct AccountDecoder {
    static let keys = [
        "id", "name", "enabled", "channel", "schedule", "voice", "pipeline", "vars", "steps", "notify", "runs_on",
    ]
    static let channelKeys = ["type", "language", "youtube"]
    static let youtubeKeys = [
        "credentials", "privacy", "category_id", "playlist_id", "made_for_kids", "synthetic_media", "project",
    ]
    static let voiceKeys = ["provider", "voice", "speed", "pitch", "model", "base_url", "api_key", "run", "python"]
    static let overrideKeys = ["with", "retry", "timeout", "optional"]

    /// The account id: `id:` when present and a scalar, else the file stem.
    static func declaredID(_ root: YAMLNode?, stem: String) -> String {
        if case .mapping(let mapping)? = root, let node = mapping["id"], case .scalar(let scalar) = node {
            return scalar.string
        }
        return stem
    }

    /// The named pipeline (`pipeline: shorts`), read even when the rest of the file is broken.
    static func pipelineName(_ root: YAMLNode?) -> String? {
        guard case .mapping(let mapping)? = root, let node = mapping["pipeline"], case .scalar(let scalar) = node,
            !scalar.isNull
        else { return nil }
        return scalar.string
    }

    static func decode(_ root: YAMLNode, stem: String, reader: inout NodeReader) -> Account? {
        guard let entries = reader.mapping(root, at: "", known: keys) else { return nil }
        let id = decodeID(entries, stem: stem, reader: &reader)
        let name = reader.string(entries["name"], at: "name")
        let enabled = reader.bool(entries["enabled"], at: "enabled") ?? true
        let channel = reader.require(
            entries, "channel", at: "", "say what the channel is, e.g. channel: { type: cooking }."
        )
        .flatMap { decodeChannel($0, reader: &reader) }
        var schedule: Schedule?
        if let node = entries["schedule"] {
            schedule = ScheduleDecoder.decode(node, at: "schedule", reader: &reader)
        } else if enabled {
            reader.error(
                "schedule",
                "an enabled account needs a schedule with a cron expression; add schedule: { cron: \"0 9 * * *\" } or set enabled: false."
            )
        }
        let voice = entries["voice"].flatMap { decodeVoice($0, reader: &reader) } ?? Voice()
        let pipeline = reader.require(
            entries, "pipeline", at: "", "name a pipeline from pipelines/ or write one inline."
        )
        .flatMap { decodePipelineReference($0, id: id, reader: &reader) }
        let vars = reader.valueMap(entries["vars"], at: "vars") ?? [:]
        let overrides = entries["steps"].map { decodeOverrides($0, reader: &reader) } ?? [:]
        let notify = reader.alertTargets(entries["notify"], at: "notify") ?? []
        let runsOn = NodeLabels.decode(entries["runs_on"], at: "runs_on", reader: &reader) ?? []
        guard let channel, let pipeline, !reader.hasErrors else { return nil }
        var account = Account(
            id: id, name: name, enabled: enabled, channel: channel, schedule: schedule, voice: voice,
            pipeline: pipeline, vars: vars, stepOverrides: overrides)
        account.notify = notify
        account.runsOn = runsOn
        return account
    }

    private static func decodeID(_ entries: NodeEntries, stem: String, reader: inout NodeReader) -> String {
        guard let node = entries["id"] else {
            if !Account.isValidID(stem) {
                reader.error(
                    "",
                    "the file name '\(stem)' is not a valid account id; rename the file or set id: (lowercase letters, digits, '-' and '_', at most 64)."
                )
            }
            return stem
        }
        let id = reader.string(node, at: "id") ?? stem
        if !Account.isValidID(id) {
            reader.error(
                "id",
                "account id '\(id)' is invalid; use lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters.",
                at: node)
        }
        return id
    }

    private static func decodeChannel(_ node: YAMLNode, reader: inout NodeReader) -> Channel? {
        guard let entries = reader.mapping(node, at: "channel", known: channelKeys) else { return nil }
        return decodeChannel(entries, reader: &reader)
    }

    static func decodeChannel(_ entries: NodeEntries, reader: inout NodeReader) -> Channel? {
        let type = reader.require(entries, "type", at: "channel", "say what kind of channel it is, e.g. type: cooking.")
            .flatMap { reader.string($0, at: "channel.type") }
        let language = reader.string(entries["language"], at: "channel.language") ?? "en"
        if !isLanguageTag(language) {
            reader.error("channel.language", "'\(language)' is not a BCP-47 language tag such as en, de or pt-BR.")
        }
        let youtube = entries["youtube"].flatMap { decodeYouTube($0, reader: &reader) }
        guard let type else { return nil }
        return Channel(type: type, language: language, youtube: youtube)
    }

    private static func decodeYouTube(_ node: YAMLNode, reader: inout NodeReader) -> YouTubeSettings? {
        let path = "channel.youtube"
        guard let entries = reader.mapping(node, at: path, known: youtubeKeys) else { return nil }
        let at = { (key: String) in NodeReader.join(path, key) }
        var settings = YouTubeSettings()
        settings.credentials = reader.string(entries["credentials"], at: at("credentials"))
        settings.privacy = reader.choice(entries["privacy"], at: at("privacy")) ?? .private
        settings.categoryID = reader.string(entries["category_id"], at: at("category_id"))
        settings.playlistID = reader.string(entries["playlist_id"], at: at("playlist_id"))
        settings.madeForKids = reader.bool(entries["made_for_kids"], at: at("made_for_kids")) ?? false
        settings.syntheticMedia = reader.bool(entries["synthetic_media"], at: at("synthetic_media")) ?? true
        settings.project = reader.string(entries["project"], at: at("project")) ?? "default"
        return settings
    }

    private static func decodeVoice(_ node: YAMLNode, reader: inout NodeReader) -> Voice? {
        guard let entries = reader.mapping(node, at: "voice", known: voiceKeys) else { return nil }
        return decodeVoice(entries, reader: &reader)
    }

    static func decodeVoice(_ entries: NodeEntries, reader: inout NodeReader) -> Voice {
        let at = { (key: String) in NodeReader.join("voice", key) }
        var voice = Voice()
        voice.provider = reader.choice(entries["provider"], at: at("provider")) ?? .espeak
        voice.voice =
            reader.string(entries["voice"], at: at("voice")) ?? defaultVoiceName(voice.provider)
        voice.speed = reader.double(entries["speed"], at: at("speed"), in: 0.25...4) ?? 1
        voice.pitch = reader.int(entries["pitch"], at: at("pitch"), in: 0...99)
        voice.model = reader.string(entries["model"], at: at("model"))
        voice.baseURL = reader.string(entries["base_url"], at: at("base_url"))
        voice.apiKey = reader.string(entries["api_key"], at: at("api_key"))
        voice.run = reader.stringList(entries["run"], at: at("run"))
        voice.python = reader.string(entries["python"], at: at("python"))
        if voice.provider == .command, voice.run?.isEmpty ?? true {
            reader.error("voice", "voice provider 'command' needs run: [program, args…] that reads text on stdin.")
        }
        return voice
    }

    /// The voice name when none is given: Piper's is the shipped model's (its speaker is the model itself).
    private static func defaultVoiceName(_ provider: Voice.Provider) -> String {
        switch provider {
        case .openai: "alloy"
        case .piper: "en_US-joe-medium"
        case .espeak, .command: "en-us"
        }
    }

    static func decodePipelineReference(
        _ node: YAMLNode, id: String, reader: inout NodeReader
    )
        -> Account.PipelineReference?
    {
        if case .mapping = node {
            return PipelineDecoder.decode(node, defaultName: "\(id) (inline)", at: "pipeline", reader: &reader)
                .map { .inline($0) }
        }
        return reader.string(node, at: "pipeline").map { .named($0) }
    }

    private static func decodeOverrides(_ node: YAMLNode, reader: inout NodeReader) -> [String: StepOverrides] {
        var overrides: [String: StepOverrides] = [:]
        for (stepID, child) in reader.freeMapping(node, at: "steps") ?? [] {
            let path = "steps.\(stepID)"
            guard let entries = reader.mapping(child, at: path, known: overrideKeys) else { continue }
            overrides[stepID] = decodeOverride(entries, at: path, reader: &reader)
        }
        return overrides
    }

    static func decodeOverride(_ entries: NodeEntries, at path: String, reader: inout NodeReader) -> StepOverrides {
        let at = { (key: String) in NodeReader.join(path, key) }
        return StepOverrides(
            with: reader.valueMap(entries["with"], at: at("with")) ?? [:],
            retry: reader.retry(entries["retry"], at: at("retry")),
            timeout: reader.duration(entries["timeout"], at: at("timeout")),
            optional: reader.bool(entries["optional"], at: at("optional")))
    }

    /// BCP-47's shape: 2–3 ASCII letters, then subtags of 1–8 ASCII letters or digits after '-'. Read as bytes (any
    /// byte outside ASCII makes it false, as any character outside ASCII did).
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(isASCIILetter) else {
            return false
        }
        return parts.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { isASCIILetter($0) || (0x30...0x39).contains($0) }
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
