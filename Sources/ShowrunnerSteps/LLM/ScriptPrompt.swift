import Foundation
import ShowrunnerCore

/// What `script.llm` asks: the reply format (title, description, tags, narration of about `words` words), the
/// language, and the ask (the step's `prompt`, or a default for the channel's type) followed by the topic and angle.
struct ScriptPrompt: Sendable, Equatable {
    var channelType: String
    var language: String
    var prompt: String?
    var topic: String
    var angle: String?
    var words: Int

    var messages: [ChatRequest.Message] { [.system(system), .user(user)] }

    var system: String {
        """
        You write narration for YouTube videos. Reply with a single JSON object and nothing else, with exactly \
        these keys: "title" (the video title, at most 100 characters, without < or >), "description" (two to four \
        sentences for the video description, optionally ending with a few hashtags), "tags" (a list of 5 to 12 \
        short search tags), "text" (the narration: about \(words) words of plain spoken sentences, without \
        headings, stage directions, emojis or markdown) and "scenes" (the narration cut into 6 to 12 consecutive \
        parts, each {"text": the sentences of that part, "keywords": 2 or 3 concrete English words for stock \
        footage to show while it is said}). Write everything in \(PromptLanguage.name(of: language)).
        """
    }

    var user: String {
        let type = channelType.trimmingWhitespace()
        var lines = [prompt ?? "Write a short video for a \(type.isEmpty ? "general" : type) channel."]
        lines.append("Topic: " + Self.oneLine(topic))
        if let angle { lines.append("Angle: " + Self.oneLine(angle)) }
        return lines.joined(separator: "\n")
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
