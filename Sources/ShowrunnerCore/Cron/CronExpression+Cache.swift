import Synchronization

extension CronExpression {
    private static let cache = Mutex<[String: Result<CronExpression, CronSyntaxError>]>([:])

    /// `init(parsing:)` remembered per text: thousands of accounts share a handful of schedules.
    public static func cached(parsing text: String) throws(CronSyntaxError) -> CronExpression {
        if let known = cache.withLock({ $0[text] }) { return try known.get() }
        let result: Result<CronExpression, CronSyntaxError>
        do { result = .success(try CronExpression(parsing: text)) } catch { result = .failure(error) }
        cache.withLock { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[text] = result
        }
        return try result.get()
    }
}
