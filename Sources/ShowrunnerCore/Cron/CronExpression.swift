import Foundation

/// A parsed cron expression (Vixie cron as cronie implements it, plus seconds, `L`, `LW`, `nL` and `x#k`).
///
/// Matching works on wall-clock time; `nextFire(after:in:)` maps wall-clock matches to instants with the DST
/// rules of SPEC §3.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let source: String
    /// Six fields, seconds first (`0` when the expression had five), after macro expansion.
    public let fields: [String]
    public let hasSeconds: Bool
    /// A job whose minute or hour field begins with `*`: it follows the wall clock through DST changes.
    public let isWildcardJob: Bool
    /// Cronie's day rule: when either day field begins with `*`, a day must match both.
    let daysMustMatchBoth: Bool
    let seconds: CronFieldSet
    let minutes: CronFieldSet
    let hours: CronFieldSet
    let daysOfMonth: CronFieldSet
    let months: CronFieldSet
    let daysOfWeek: CronFieldSet

    public var description: String { source }

    /// The horizon of `nextFire`: no match within 50 years means the expression never fires again.
    static let horizonSeconds: Int64 = 50 * 146_097 * 86_400 / 400

    /// The first fire strictly after `date` in `timeZone`, or nil if there is none within 50 years.
    public func nextDate(after date: Date, in timeZone: TimeZone) -> Date? {
        nextFire(after: date, in: timeZone)?.date
    }
}
