/// Parses one field's text (`1-5`, `*/15`, `MON,WED`, `L`, `5L`, `FRI#3`) into a `CronFieldSet`.
struct CronFieldParser {
    let field: CronField

    func parse(_ text: String) throws(CronSyntaxError) -> CronFieldSet {
        var set = CronFieldSet()
        // Most fields of most schedules are `*` or one number: read those without splitting and upper-casing.
        if text == "*" {
            for value in field.range { set.insert(field == .dayOfWeek ? value % 7 : value) }
            return set
        }
        if let value = Self.plainNumber(text), field.range.contains(value) {
            set.insert(field == .dayOfWeek ? value % 7 : value)
            return set
        }
        let parsed = Self.parsedLists.value(for: FieldText(field: field, text: text)) { key in
            Result { () throws(CronSyntaxError) in try CronFieldParser(field: key.field).parseList(key.text) }
        }
        return try parsed.get()
    }

    /// A field's text with its field: the key of `parsedLists`.
    private struct FieldText: Hashable, Sendable {
        let field: CronField
        let text: String
    }

    /// Lists, ranges, steps and names parsed once per field and text: 10,000 accounts have thousands of distinct
    /// expressions but a few dozen distinct fields (`MON-FRI`, `*/15`, `9-17`).
    private static let parsedLists = BoundedMemo<FieldText, Result<CronFieldSet, CronSyntaxError>>(limit: 10_000)

    private func parseList(_ text: String) throws(CronSyntaxError) -> CronFieldSet {
        var set = CronFieldSet()
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard !item.isEmpty else {
                throw error(text, "\(field.rawValue) '\(text)' has an empty list item; remove the extra comma.")
            }
            try parseItem(item, into: &set)
        }
        return set
    }

    private func parseItem(_ item: String, into set: inout CronFieldSet) throws(CronSyntaxError) {
        let upper = item.uppercased()
        try rejectUnsupported(upper, item)
        if field == .dayOfMonth, upper == "L" || upper == "LW" {
            if upper == "L" { set.lastDayOfMonth = true } else { set.lastWeekdayOfMonth = true }
            return
        }
        if field == .dayOfWeek, upper.hasSuffix("L"), upper.count > 1 {
            let weekday = try number(String(upper.dropLast()), item: item) % 7
            set.lastWeekdays |= 1 << UInt64(weekday)
            return
        }
        if field == .dayOfWeek, let hash = upper.firstIndex(of: "#") {
            let weekday = try value(String(upper[..<hash]), item: item) % 7
            let occurrence = String(upper[upper.index(after: hash)...])
            guard let k = Int(occurrence), occurrence.allSatisfy(\.isASCIIDigit), (1...5).contains(k) else {
                throw error(item, "In \(field.rawValue) '\(item)', the occurrence after '#' must be 1–5.")
            }
            set.nthWeekdays |= 1 << UInt64(weekday * 8 + k)
            return
        }
        for value in try values(of: upper, item: item) { set.insert(field == .dayOfWeek ? value % 7 : value) }
    }

    /// The values of `*`, `a`, `a-b`, with an optional `/n` step.
    private func values(of item: String, item original: String) throws(CronSyntaxError) -> StrideThrough<Int> {
        let pieces = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var step = 1
        if pieces.count == 2 {
            guard pieces[1].allSatisfy(\.isASCIIDigit), !pieces[1].isEmpty else {
                throw error(original, "In \(field.rawValue) '\(original)', the step after '/' must be a number.")
            }
            guard let parsed = Int(pieces[1]), parsed >= 1 else {
                throw error(
                    original, "In \(field.rawValue) '\(original)', the step must be a whole number of at least 1.")
            }
            step = parsed
        }
        let base = pieces[0]
        if base == "*" { return stride(from: field.range.lowerBound, through: field.range.upperBound, by: step) }
        let bounds = base.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let low = try value(bounds[0], item: original)
        guard bounds.count == 2 else {
            return stride(from: low, through: pieces.count == 2 ? field.range.upperBound : low, by: step)
        }
        let high = try value(bounds[1], item: original)
        guard low <= high else {
            throw reversedRange(bounds, low: low, high: high, step: pieces.count == 2 ? step : nil)
        }
        return stride(from: low, through: high, by: step)
    }

    /// A number or a name of this field, checked against its range.
    private func value(_ token: String, item: String) throws(CronSyntaxError) -> Int {
        if let first = token.first, first.isLetter {
            if let named = field.value(ofName: token) { return named }
            throw unknownName(token, item: item)
        }
        return try number(token, item: item)
    }

    private func number(_ token: String, item: String) throws(CronSyntaxError) -> Int {
        guard !token.isEmpty else {
            throw error(item, "\(field.rawValue) item '\(item)' is missing a value.")
        }
        guard token.allSatisfy(\.isASCIIDigit) else {
            throw error(item, "'\(item)' is not valid in \(field.rawValue); use numbers \(rangeText)\(namesHint).")
        }
        guard let value = Int(token), field.range.contains(value) else {
            throw error(token, "\(field.rawValue) value \(token) is out of range \(rangeText).")
        }
        return value
    }

    /// A field of one or two ASCII digits as a number, nil for anything else.
    private static func plainNumber(_ text: String) -> Int? {
        var value = 0
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39, count < 2 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            count += 1
        }
        return count == 0 ? nil : value
    }

    private var rangeText: String { "\(field.range.lowerBound)–\(field.range.upperBound)" }

    private var namesHint: String {
        field.names.isEmpty ? "" : " or names \(field.names.first!)–\(field.names.last!)"
    }

    private func unknownName(_ token: String, item: String) -> CronSyntaxError {
        let upper = token.uppercased()
        if field != .month, CronField.month.value(ofName: upper) != nil {
            return error(token, "'\(token)' is a month name; \(field.rawValue) takes \(rangeText)\(namesHint).")
        }
        if field != .dayOfWeek, CronField.dayOfWeek.value(ofName: upper) != nil {
            return error(token, "'\(token)' is a day name; \(field.rawValue) takes \(rangeText)\(namesHint).")
        }
        guard !field.names.isEmpty else {
            return error(token, "\(field.rawValue) does not accept names ('\(token)'); use a number \(rangeText).")
        }
        let kind = field == .month ? "month" : "day"
        let hint = Suggestion.closest(to: upper, in: field.names).map { "; did you mean '\($0)'?" } ?? "."
        return error(token, "Unknown \(kind) name '\(token)' in \(field.rawValue)\(hint)")
    }

    private func reversedRange(_ bounds: [String], low: Int, high: Int, step: Int?) -> CronSyntaxError {
        let named = bounds.allSatisfy { $0.first?.isLetter == true }
        func show(_ value: Int) -> String {
            guard named else { return String(value) }
            return field == .dayOfWeek ? field.names[value % 7] : field.names[value - field.firstNamedValue]
        }
        let suffix = step.map { "/\($0)" } ?? ""
        let wrapped =
            "\(show(low))-\(show(field.wrapMaximum))\(suffix),\(show(field.range.lowerBound))-\(show(high))\(suffix)"
        let text = bounds.joined(separator: "-")
        return error(
            text,
            "\(field.rawValue) range '\(text)' runs backwards; write '\(wrapped)' to wrap around, "
                + "or '\(bounds[1])-\(bounds[0])'."
        )
    }

    private func rejectUnsupported(_ upper: String, _ item: String) throws(CronSyntaxError) {
        let problem: String? =
            if upper == "?" {
                "'?' is not supported; use '*'."
            } else if upper.hasPrefix("H") {
                "'H' (hashed values) is not supported; use 'jitter' in the schedule instead."
            } else if upper.contains(Character("~")) {
                "'~' (random values) is not supported; use 'jitter' in the schedule instead."
            } else if field == .dayOfMonth, upper.hasSuffix("W"), upper != "LW" {
                "'\(item)' (nearest weekday) is not supported; only 'LW' (last weekday of the month) is."
            } else if field == .dayOfMonth, upper.hasPrefix("L-") {
                "'\(item)' (days before the last) is not supported; only 'L' and 'LW' are."
            } else if upper == "L" || upper == "LW", field != .dayOfMonth {
                "'L' is only allowed in day-of-month ('L', 'LW') and day-of-week ('5L' = last Friday)."
            } else if upper.contains(Character("#")) && field != .dayOfWeek {
                "'#' is only allowed in day-of-week ('FRI#3' = third Friday)."
            } else {
                nil
            }
        if let problem { throw error(item, "In \(field.rawValue): \(problem)") }
    }

    private func error(_ token: String, _ message: String) -> CronSyntaxError {
        CronSyntaxError(field: field, token: token, message)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
