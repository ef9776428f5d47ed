import Foundation

/// Instants are stored as INTEGER milliseconds since 1970: exact, compact and sortable.
extension Date {
    /// Rounded to the nearest millisecond.
    package var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    package init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
