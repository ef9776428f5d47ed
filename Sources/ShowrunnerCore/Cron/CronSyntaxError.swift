/// Why a cron expression was rejected: the field, the offending token, and one sentence that says what to do.
public struct CronSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: CronField?
    public let token: String?
    public let message: String

    public init(field: CronField? = nil, token: String? = nil, _ message: String) {
        self.field = field
        self.token = token
        self.message = message
    }

    public var description: String { message }
}
