extension CronExpression {
    static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    /// Parses `expression`, rejecting anything SPEC §3 does not accept, and expressions that can never fire.
    public init(parsing expression: String) throws(CronSyntaxError) {
        try Self.checkCharacters(expression)
        let trimmed = expression.trimmingBlanks()
        guard !trimmed.isEmpty else { throw CronSyntaxError("The cron expression is empty.") }
        let expanded = try Self.expandMacro(trimmed)
        // Only ASCII is left (checked above): split as bytes, not as characters.
        var parts = expanded.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { String(Substring($0)) }
        try Self.rejectYearField(parts)
        guard parts.count == 5 || parts.count == 6 else {
            throw CronSyntaxError(
                "Expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), found \(parts.count)."
            )
        }
        let hasSeconds = parts.count == 6
        if !hasSeconds { parts.insert("0", at: 0) }
        let sets = try zip(CronField.allCases, parts).map { field, text throws(CronSyntaxError) in
            try CronFieldParser(field: field).parse(text)
        }
        storage = Parts(
            source: expression, fields: parts, hasSeconds: hasSeconds,
            isWildcardJob: parts[1].hasPrefix("*") || parts[2].hasPrefix("*"),
            daysMustMatchBoth: parts[3].hasPrefix("*") || parts[5].hasPrefix("*"), sets: sets)
        try checkFiresAtAll()
    }

    private static func checkCharacters(_ expression: String) throws(CronSyntaxError) {
        for scalar in expression.unicodeScalars {
            let allowed = scalar == " " || scalar == "\t" || (scalar.value > 0x20 && scalar.value < 0x7F)
            if !allowed {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let shown = scalar.value < 0x20 ? "" : " '\(scalar)'"
                throw CronSyntaxError(
                    token: String(scalar),
                    "The cron expression contains the character\(shown) (U+\(hex)); only ASCII fields separated by "
                        + "spaces or tabs are allowed."
                )
            }
        }
    }

    /// `0 9 * * * 2027`: a sixth (or seventh) field that looks like a year, as Quartz and AWS write it.
    private static func rejectYearField(_ parts: [String]) throws(CronSyntaxError) {
        guard parts.count >= 6, let last = parts.last else { return }
        let numbers = last.split(whereSeparator: { $0 == "," || $0 == "-" || $0 == "/" })
        let numeric = !numbers.isEmpty && numbers.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
        guard numeric, numbers.contains(where: { $0.count == 4 && Int($0).map { $0 >= 1970 } == true }) else {
            return
        }
        throw CronSyntaxError(
            token: last,
            "'\(last)' looks like a year, but cron has no year field: the 6-field form is seconds first (second "
                + "minute hour day-of-month month day-of-week); remove the year.")
    }

    private static func expandMacro(_ text: String) throws(CronSyntaxError) -> String {
        guard text.hasPrefix("@") else { return text }
        if let expansion = macros[text] { return expansion }
        if macros[text.lowercased()] != nil {
            throw CronSyntaxError(token: text, "Macros are lowercase: write '\(text.lowercased())'.")
        }
        if text.lowercased() == "@reboot" {
            throw CronSyntaxError(token: text, "'@reboot' is not supported; Showrunner schedules by time only.")
        }
        if let hint = Suggestion.closest(to: text, in: Array(macros.keys)) {
            throw CronSyntaxError(token: text, "Unknown macro '\(text)'; did you mean '\(hint)'?")
        }
        let known = macros.keys.sorted().joined(separator: ", ")
        throw CronSyntaxError(token: text, "Unknown macro '\(text)'; use one of \(known), or five fields.")
    }

    /// Rejects expressions that match no date at all (`0 0 30 2 *`): the Gregorian calendar repeats every 400 years.
    private func checkFiresAtAll() throws(CronSyntaxError) {
        let start = CivilCalendar.seconds(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        let end = CivilCalendar.seconds(year: 2400, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        if firstWallTime(from: start, before: end) == nil {
            throw CronSyntaxError(
                token: source,
                "'\(source)' can never fire: no date matches its day-of-month, month and day-of-week fields."
            )
        }
    }
}

extension String {
    /// Spaces and tabs trimmed from both ends, by whole characters.
    func trimmingBlanks() -> String {
        // Nearly always nothing to trim: a first and last byte that are not a space or a tab mean a first and last
        // character that are not (each is that one byte), so the text is its own answer.
        if let first = utf8.first, let last = utf8.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return self
        }
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
