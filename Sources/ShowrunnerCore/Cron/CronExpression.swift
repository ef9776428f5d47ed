import Foundation

/// A parsed cron expression (Vixie cron as cronie implements it, plus seconds, `L`, `LW`, `nL` and `x#k`).
///
/// Matching works on wall-clock time; `nextFire(after:in:)` maps wall-clock matches to instants with the DST
/// rules of SPEC §3.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The parsed fields behind one shared reference: a `Schedule` holds 8 bytes of them, not 220, and the
    /// accounts sharing an expression (`cached(parsing:)`) share one copy.
    final class Parts: Sendable {
        let source: String
        let fields: [String]
        let hasSeconds: Bool
        let isWildcardJob: Bool
        let daysMustMatchBoth: Bool
        let seconds, minutes, hours, daysOfMonth, months, daysOfWeek: CronFieldSet

        /// `sets`: the six fields' sets, seconds first.
        init(
            source: String, fields: [String], hasSeconds: Bool, isWildcardJob: Bool, daysMustMatchBoth: Bool,
            sets: [CronFieldSet]
        ) {
            self.source = source
            self.fields = fields
            self.hasSeconds = hasSeconds
            self.isWildcardJob = isWildcardJob
            self.daysMustMatchBoth = daysMustMatchBoth
            (seconds, minutes, hours) = (sets[0], sets[1], sets[2])
            (daysOfMonth, months, daysOfWeek) = (sets[3], sets[4], sets[5])
        }
    }

    let storage: Parts
    /// The expression as written.
    public var source: String { storage.source }
    /// Six fields, seconds first (`0` when the expression had five), after macro expansion.
    public var fields: [String] { storage.fields }
    public var hasSeconds: Bool { storage.hasSeconds }
    /// A job whose minute or hour field begins with `*`: it follows the wall clock through DST changes.
    public var isWildcardJob: Bool { storage.isWildcardJob }
    /// Cronie's day rule: when either day field begins with `*`, a day must match both.
    var daysMustMatchBoth: Bool { storage.daysMustMatchBoth }
    var seconds: CronFieldSet { storage.seconds }
    var minutes: CronFieldSet { storage.minutes }
    var hours: CronFieldSet { storage.hours }
    var daysOfMonth: CronFieldSet { storage.daysOfMonth }
    var months: CronFieldSet { storage.months }
    var daysOfWeek: CronFieldSet { storage.daysOfWeek }

    /// Everything else is parsed from the text: two expressions are the same when they were written the same.
    public static func == (lhs: CronExpression, rhs: CronExpression) -> Bool {
        lhs.storage === rhs.storage || lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    public var description: String { source }

    /// The horizon of `nextFire`: no match within 50 years means the expression never fires again.
    static let horizonSeconds: Int64 = 50 * 146_097 * 86_400 / 400

    /// The first fire strictly after `date` in `timeZone`, or nil if there is none within 50 years.
    public func nextDate(after date: Date, in timeZone: TimeZone) -> Date? {
        nextFire(after: date, in: timeZone)?.date
    }
}
