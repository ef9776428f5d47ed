import Foundation
import ShowrunnerCore

/// The topics a `topic.list` step chooses from, and the id their usage is stored under: `file:<path>` for a
/// file, `items:<hash>` for inline items (so editing the items starts a fresh list). A `.yaml`/`.yml` file may
/// carry each topic's script (`TopicEntry`).
struct TopicList: Sendable, Equatable {
    let id: String
    let topics: [String]
    /// The topics that come with a script, by title.
    var entries: [String: TopicEntry] = [:]

    /// How messages name the list: the topics file, or the step's inline items.
    var name: String { id.hasPrefix("file:") ? "topics file '\(id.dropFirst(5))'" : "the step's 'items'" }

    static func load(from context: StepContext) throws(StepFailure) -> TopicList {
        try load(items: context.stringList("items"), file: context.trimmedString("file"), path: context.path)
    }

    /// `path` turns the `file` input into a URL (relative to the config folder).
    static func load(items: [String]?, file: String?, path: (String) -> URL) throws(StepFailure) -> TopicList {
        switch (items, file) {
        case (_?, _?):
            throw StepFailure(.permanent, "give topic.list either 'items' or 'file', not both.")
        case (let items?, nil):
            let topics = unique(items.map { $0.trimmingWhitespace() })
            guard !topics.isEmpty else { throw StepFailure(.permanent, "input 'items' has no topics.") }
            return TopicList(id: "items:" + FNV1a64.hex(of: topics.joined(separator: "\n")), topics: topics)
        case (nil, let file?):
            let url = path(file)
            let text = try read(file, at: url)
            guard ["yaml", "yml"].contains(url.pathExtension.lowercased()) else {
                return TopicList(id: "file:" + file, topics: try nonEmpty(parse(text), name: file))
            }
            let entries = try TopicEntry.parse(yaml: text, name: file)
            let scripted = entries.filter { $0.script != nil }.map { ($0.title, $0) }
            return TopicList(
                id: "file:" + file, topics: try nonEmpty(unique(entries.map(\.title)), name: file),
                entries: Dictionary(scripted) { first, _ in first })
        case (nil, nil):
            throw StepFailure(.permanent, "topic.list needs 'items' or 'file'.")
        }
    }

    /// One topic per line; blank lines and lines starting with `#` are skipped; duplicates count once.
    static func parse(_ text: String) -> [String] {
        let lines = text.split(whereSeparator: \.isNewline).map {
            $0.trimmingWhitespace()
        }
        return unique(lines.filter { !$0.hasPrefix("#") })
    }

    /// 16 MiB: hundreds of thousands of titles, or thousands of scripted topics. A topics file is read whole, so
    /// a `file:` that names a video or a log by mistake is refused after at most this much (`BoundedFile`).
    static let maxBytes = 16 << 20

    private static func read(_ name: String, at url: URL) throws(StepFailure) -> String {
        let file: (data: Data, info: stat)
        do throws(BoundedFile.ReadError) {
            file = try BoundedFile.read(atPath: url.path, limit: maxBytes + 1)
        } catch {
            switch error {
            case .missing:
                throw StepFailure(.permanent, "topics file '\(name)' does not exist (looked for \(url.path)).")
            case .notRegularFile:
                throw StepFailure(.permanent, "topics file '\(name)' is not a regular file (looked for \(url.path)).")
            case .unreadable(let reason):
                throw StepFailure(.permanent, "cannot read topics file '\(name)': \(reason).")
            }
        }
        guard file.data.count <= maxBytes else {
            let size = max(Int(file.info.st_size), file.data.count)
            throw StepFailure(
                .permanent,
                "topics file '\(name)' is \((size + (1 << 20) - 1) >> 20) MiB; a topics file may be at most "
                    + "\(maxBytes >> 20) MiB (one title per line, or a YAML list of topics).")
        }
        // A byte-order mark is not part of the first title (as Foundation's reading of UTF-8 dropped it).
        let bytes = file.data.starts(with: [0xEF, 0xBB, 0xBF]) ? file.data.dropFirst(3) : file.data[...]
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let invalid = InvalidUTF8.first(in: bytes)
            throw StepFailure(
                .permanent, "topics file '\(name)', line \(invalid.line), column \(invalid.column): \(invalid.problem)")
        }
        return text
    }

    private static func nonEmpty(_ topics: [String], name: String) throws(StepFailure) -> [String] {
        guard !topics.isEmpty else {
            throw StepFailure(.permanent, "topics file '\(name)' has no topics (only blank lines and # comments).")
        }
        return topics
    }

    private static func unique(_ topics: [String]) -> [String] {
        var seen: Set<String> = []
        return topics.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
