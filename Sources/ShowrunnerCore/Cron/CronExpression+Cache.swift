extension CronExpression {
    private static let parsed = BoundedMemo<String, Result<CronExpression, CronSyntaxError>>(limit: 10_000)

    /// `init(parsing:)` remembered per text: thousands of accounts share a handful of schedules.
    public static func cached(parsing text: String) throws(CronSyntaxError) -> CronExpression {
        let result = parsed.value(for: text) { text in
            Result { () throws(CronSyntaxError) in try CronExpression(parsing: text) }
        }
        return try result.get()
    }
}
