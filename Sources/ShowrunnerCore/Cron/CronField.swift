/// One field of a cron expression, with its range and the names it accepts.
public enum CronField: String, Sendable, CaseIterable {
    case second
    case minute
    case hour
    case dayOfMonth = "day-of-month"
    case month
    case dayOfWeek = "day-of-week"

    var range: ClosedRange<Int> {
        switch self {
        case .second, .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// The highest value a wrapped range may use in a suggested fix (Sunday is written 0 there, not 7).
    var wrapMaximum: Int { self == .dayOfWeek ? 6 : range.upperBound }

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    /// Names accepted by this field, indexed from the field's first named value.
    var names: [String] {
        switch self {
        case .month: Self.monthNames
        case .dayOfWeek: Self.dayNames
        default: []
        }
    }

    var firstNamedValue: Int { self == .month ? 1 : 0 }

    func value(ofName name: String) -> Int? {
        names.firstIndex(of: name.uppercased()).map { $0 + firstNamedValue }
    }
}
