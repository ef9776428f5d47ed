import Synchronization

extension Template {
    private static let cache = Mutex<[String: Result<Template, SyntaxError>]>([:])

    /// `init(parsing:)` remembered per text: the checks of 10,000 accounts parse the same pipeline strings 10,000
    /// times. Text without `{{` (an account's own prose) is parsed, not kept. Bounded: the cache starts over past
    /// 10,000 texts.
    public static func cached(parsing text: String) throws(SyntaxError) -> Template {
        guard text.containsText("{{") else { return try Template(parsing: text) }
        if let known = cache.withLock({ $0[text] }) { return try known.get() }
        let result: Result<Template, SyntaxError>
        do { result = .success(try Template(parsing: text)) } catch { result = .failure(error) }
        cache.withLock { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[text] = result
        }
        return try result.get()
    }
}
