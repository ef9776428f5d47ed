extension Template {
    private static let parsed = BoundedMemo<String, Result<Template, SyntaxError>>(limit: 10_000)

    /// `init(parsing:)` remembered per text: the checks of 10,000 accounts parse the same pipeline strings 10,000
    /// times. Text without `{{` (an account's own prose) is parsed, not kept.
    public static func cached(parsing text: String) throws(SyntaxError) -> Template {
        guard text.containsText("{{") else { return Template(literal: text) }
        let result = parsed.value(for: text) { text in
            Result { () throws(SyntaxError) in try Template(parsing: text) }
        }
        return try result.get()
    }
}
