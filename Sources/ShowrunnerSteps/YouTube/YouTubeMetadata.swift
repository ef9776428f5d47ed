import Foundation
import ShowrunnerCore

/// A video's snippet and status as `videos.insert` takes them, checked against YouTube's limits before anything is
/// sent (a bad title must not cost quota or a half-uploaded session).
struct YouTubeMetadata: Sendable, Equatable {
    var title: String
    var description: String
    var tags: [String]
    var categoryID: String?
    var privacy: YouTubeSettings.Privacy
    var publishAt: Date?
    var madeForKids: Bool
    var syntheticMedia: Bool

    /// From the inputs, else the account's `channel.youtube`; every problem is a permanent failure.
    static func from(_ context: StepContext) throws(StepFailure) -> YouTubeMetadata {
        let channel = context.account.channel.youtube ?? YouTubeSettings()
        let metadata = YouTubeMetadata(
            title: try context.requiredString("title").trimmingWhitespace(),
            description: withAttribution(
                try context.string("description")?.trimmingWhitespace() ?? "",
                try context.string("attribution")?.trimmingWhitespace() ?? ""),
            tags: try context.stringList("tags") ?? [],
            categoryID: try context.trimmedString("category_id") ?? channel.categoryID,
            privacy: try privacy(context) ?? channel.privacy,
            publishAt: try publishAt(context),
            madeForKids: try context.bool("made_for_kids") ?? channel.madeForKids,
            syntheticMedia: try context.bool("synthetic_media") ?? channel.syntheticMedia)
        try metadata.check()
        return metadata
    }

    /// The description with the footage credits (the video step's `attribution`) after a blank line; `<` and `>`
    /// in credits (an author's name) are dropped, as YouTube rejects them.
    static func withAttribution(_ description: String, _ attribution: String) -> String {
        let credits = attribution.filter { $0 != "<" && $0 != ">" }
        guard !credits.isEmpty else { return description }
        return description.isEmpty ? credits : description + "\n\n" + credits
    }

    func check() throws(StepFailure) {
        let limits = YouTubeMetadataFit.self
        var problems: [String] = []
        if title.utf16.count > limits.titleLimit {
            problems.append("the title has \(title.utf16.count) characters; YouTube allows \(limits.titleLimit)")
        }
        for (name, text) in [("title", title), ("description", description)] where text.contains(where: "<>".contains) {
            problems.append("the \(name) contains '<' or '>', which YouTube rejects")
        }
        if description.utf8.count > limits.descriptionByteLimit {
            problems.append(
                "the description has \(description.utf8.count) bytes; YouTube allows \(limits.descriptionByteLimit)")
        }
        let tagsLength = limits.tagsLength(tags)
        if tagsLength > limits.tagsLimit {
            problems.append("the tags take \(tagsLength) characters in all; YouTube allows \(limits.tagsLimit)")
        }
        if tags.contains(where: { $0.contains(where: "<>".contains) }) {
            problems.append("a tag contains '<' or '>', which YouTube rejects")
        }
        if publishAt != nil, privacy != .private {
            problems.append(
                "publish_at needs privacy 'private' (it is '\(privacy.rawValue)'); YouTube makes the "
                    + "video public at that time")
        }
        if let categoryID, !categoryID.allSatisfy(\.isASCII) || !categoryID.allSatisfy(\.isNumber) {
            problems.append("category_id must be a YouTube category number like \"22\", found '\(categoryID)'")
        }
        guard problems.isEmpty else {
            throw StepFailure(.permanent, problems.joined(separator: "; ") + ".")
        }
    }

    /// The `videos.insert` body: `snippet` and `status`.
    func json() -> Data {
        var snippet: [String: Any] = ["title": title, "description": description]
        if !tags.isEmpty { snippet["tags"] = tags }
        if let categoryID { snippet["categoryId"] = categoryID }
        var status: [String: Any] = [
            "privacyStatus": privacy.rawValue, "selfDeclaredMadeForKids": madeForKids,
            "containsSyntheticMedia": syntheticMedia,
        ]
        if let publishAt { status["publishAt"] = RFC3339.utc(publishAt) }
        let body: [String: Any] = ["snippet": snippet, "status": status]
        return (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }

    private static func privacy(_ context: StepContext) throws(StepFailure) -> YouTubeSettings.Privacy? {
        guard let text = try context.trimmedString("privacy") else { return nil }
        guard let privacy = YouTubeSettings.Privacy(rawValue: text.lowercased()) else {
            throw StepFailure(.permanent, "input 'privacy' must be private, unlisted or public, found '\(text)'.")
        }
        return privacy
    }

    /// An RFC 3339 instant with a zone (`2026-03-08T18:00:00+09:00` or `…Z`).
    private static func publishAt(_ context: StepContext) throws(StepFailure) -> Date? {
        guard let text = try context.trimmedString("publish_at") else { return nil }
        let tail = Array(text.utf8.suffix(6))
        let hasOffset =
            tail.count == 6 && [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(tail[0])
            && tail[3] == UInt8(ascii: ":")
        let hasZone = text.hasSuffix("Z") || text.hasSuffix("z") || hasOffset
        guard text.count >= 20, hasZone, let date = RFC3339.parse(text, defaultZone: PacificDay.timeZone) else {
            throw StepFailure(
                .permanent,
                "input 'publish_at' must be an RFC 3339 time with a zone, like 2026-03-08T18:00:00+09:00; "
                    + "found '\(text)'.")
        }
        return date
    }
}

extension RFC3339 {
    /// `2026-03-08T09:00:00Z`: whole seconds in UTC, as Google's APIs write instants.
    static func utc(_ date: Date) -> String {
        String(format(date, in: TimeZone(identifier: "UTC")!).dropLast(6)) + "Z"
    }
}
