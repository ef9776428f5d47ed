/// The useful part of ffmpeg's stderr: its messages without the `frame=… time=…` statistics lines.
enum MediaLog {
    static let maxLines = 30

    /// The last messages, one a line.
    static func tail(_ stderr: String) -> String? {
        let lines = messages(stderr).suffix(maxLines)
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// The first message, for the failure's one-line summary: with `-v error` ffmpeg prints only errors, and the
    /// first is the cause (`Invalid PNG signature`); the later ones are its consequences (`Error while filtering`).
    static func summary(_ stderr: String) -> String? {
        messages(stderr).first.map { $0.count > 300 ? String($0.prefix(300)) + "…" : $0 }
    }

    /// True for a statistics line (`frame=  12 fps=…`, `size=…`), which `-stats` ends with a carriage return.
    static func isStatistics(_ line: String) -> Bool {
        line.hasPrefix("frame=") || line.hasPrefix("size=")
    }

    private static func messages(_ stderr: String) -> [String] {
        stderr.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { String($0).trimmingSpaces() }
            .filter { !$0.isEmpty && !isStatistics($0) }
    }
}
