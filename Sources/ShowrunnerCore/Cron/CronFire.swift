import Foundation

/// One fire of a cron expression, with what DST did to it.
public struct CronFire: Sendable, Equatable {
    public enum Adjustment: Sendable, Equatable {
        case none
        /// The wall time fell in a DST gap; a fixed-time job fires at the first instant after the gap.
        case movedOutOfGap
        /// The wall time happens twice; a fixed-time job fires only at this, the first occurrence.
        case repeatedWallTime
    }

    public let date: Date
    public let adjustment: Adjustment

    public init(date: Date, adjustment: Adjustment = .none) {
        self.date = date
        self.adjustment = adjustment
    }
}
