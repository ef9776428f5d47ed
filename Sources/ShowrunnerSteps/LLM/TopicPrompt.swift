import Foundation
import ShowrunnerCore

/// What `topic.llm` asks: the reply format, the ask (the step's `prompt`, or a default for the channel's type), the
/// language, and the account's recent titles, which the topic must not repeat. The `prompt` replaces only the ask,
/// so the reply keeps the shape the step checks.
struct TopicPrompt: Sendable, Equatable {
    var channelType: String
    var language: String
    var prompt: String?
    var recentTitles: [String]

    var messages: [ChatRequest.Message] { [.system(system), .user(user)] }

    var system: String {
        """
        You plan videos for a YouTube channel. Reply with a single JSON object and nothing else, in exactly this \
        form: {"title": "…", "angle": "…"}. "title" is the video's topic as a catchy title of at most 70 \
        characters; "angle" is one sentence on the specific take or hook that makes it worth watching. Write both \
        in \(PromptLanguage.name(of: language)).
        """
    }

    var user: String {
        let ask = prompt ?? Self.defaultAsk(channelType: channelType)
        guard !recentTitles.isEmpty else { return ask }
        let list = recentTitles.map { "- " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        return ask + "\n\nThese topics were used recently; do not repeat any of them or suggest a close variation:\n"
            + list.joined(separator: "\n")
    }

    /// "Suggest one new topic for a short video on a YouTube channel about cooking: …".
    static func defaultAsk(channelType: String) -> String {
        let type = channelType.trimmingWhitespace()
        let words = type.lowercased().split { !$0.isLetter && !$0.isNumber }
        let focus =
            focuses.first { entry in entry.keywords.contains { key in words.contains { $0.hasPrefix(key) } } }?.focus
            ?? "something viewers of this channel would find genuinely interesting or useful"
        let subject = type.isEmpty ? "" : " about \(type)"
        return "Suggest one new topic for a short video on a YouTube channel\(subject): \(focus)."
    }

    /// Channel types that get a more specific default ask: a word of `channel.type` starts with a keyword.
    static let focuses: [(keywords: [String], focus: String)] = [
        (["cook", "food", "recipe", "bak", "kitchen"], "a dish, technique or kitchen tip that fits in a minute"),
        (["histor"], "a surprising event, person, place or object from history"),
        (["scien", "space", "physic", "biolog", "nature"], "a fact or phenomenon that can be explained simply"),
        (["news"], "a development or concept in the field, explained without relying on today's headlines"),
        (["tech", "software", "gadget", "ai"], "a tool, concept or trend explained for a general audience"),
        (["finance", "money", "invest"], "a personal-finance idea or common mistake, as education rather than advice"),
        (
            ["fitness", "health", "workout"],
            "a practical exercise or habit, as general information, not medical advice"
        ),
        (["travel", "geography"], "a place, custom or travel tip with a memorable detail"),
        (["fact", "trivia", "quiz"], "one surprising, verifiable fact and why it is true"),
    ]
}
