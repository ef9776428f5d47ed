/// The first `limit` bytes of a stream; the rest is read and dropped, so the writer never blocks on a full pipe.
struct HeadCapture: Sendable {
    let limit: Int
    private(set) var bytes: [UInt8] = []
    /// More than `limit` bytes arrived.
    private(set) var overflowed = false

    init(limit: Int) { self.limit = limit }

    mutating func append(_ chunk: [UInt8]) {
        let room = limit - bytes.count
        if chunk.count > room { overflowed = true }
        if room > 0 { bytes += chunk.prefix(room) }
    }
}

/// The last `limit` bytes of a stream, plus each line as it completes (for live progress).
struct TailCapture: Sendable {
    let limit: Int
    private var bytes: [UInt8] = []
    private var dropped = false
    private var pendingLine: [UInt8] = []
    private static let maxLine = 500

    init(limit: Int) { self.limit = limit }

    /// Adds a chunk; returns the last non-blank line this chunk completed (`\n` or `\r` ends a line).
    mutating func append(_ chunk: [UInt8]) -> String? {
        bytes += chunk
        if bytes.count > 2 * limit {
            bytes.removeFirst(bytes.count - limit)
            dropped = true
        }
        var lastLine: String?
        for byte in chunk {
            if byte == 10 || byte == 13 {
                let line = String(decoding: pendingLine, as: UTF8.self).trimmingSpaces()
                if !line.isEmpty { lastLine = line }
                pendingLine.removeAll(keepingCapacity: true)
            } else if pendingLine.count < Self.maxLine {
                pendingLine.append(byte)
            }
        }
        return lastLine
    }

    /// The tail as text; when the start was cut off, the first (partial) line is left out.
    var text: String {
        var tail = bytes.suffix(limit)
        if dropped || bytes.count > limit, let newline = tail.firstIndex(of: 10) {
            tail = tail[tail.index(after: newline)...]
        }
        return String(decoding: tail, as: UTF8.self)
    }

    /// The last non-blank line of the tail.
    var lastLine: String? {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).lazy
            .map { String($0).trimmingSpaces() }.last { !$0.isEmpty }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
