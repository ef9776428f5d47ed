/// Breaks text into lines of at most a number of characters, at spaces. A word longer than a line is cut.
enum TextWrapper {
    /// Fills each line as far as it goes (the last line may be short).
    static func greedy(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        var line = ""
        for word in words(of: text, width: width) {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// As few lines as `greedy` needs at `width`, but as even as they can be: the narrowest width that needs no
    /// more lines (so a two-line subtitle reads "a b c / d e f" rather than "a b c d e / f").
    static func balanced(_ text: String, width: Int) -> [String] {
        let lines = greedy(text, width: width)
        guard lines.count > 1 else { return lines }
        let longestWord = words(of: text, width: width).map(\.count).max() ?? 1
        var (low, high) = (longestWord, max(width, longestWord))
        while low < high {
            let middle = (low + high) / 2
            if greedy(text, width: middle).count <= lines.count { high = middle } else { low = middle + 1 }
        }
        return greedy(text, width: low)
    }

    /// The words of `text`, each cut into pieces of at most `width` characters.
    static func words(of text: String, width: Int) -> [String] {
        text.split(whereSeparator: \.isWhitespace).flatMap { word -> [String] in
            guard word.count > width else { return [String(word)] }
            return stride(from: 0, to: word.count, by: width).map { start in
                let from = word.index(word.startIndex, offsetBy: start)
                let to = word.index(from, offsetBy: width, limitedBy: word.endIndex) ?? word.endIndex
                return String(word[from..<to])
            }
        }
    }
}
