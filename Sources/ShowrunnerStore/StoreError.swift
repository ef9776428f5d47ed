import ShowrunnerCore

/// A store operation that cannot be carried out; SQLite's own errors (`DatabaseError`) pass through unchanged.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case runNotFound(String)
    case attemptNotFound(runID: String, stepID: String, attempt: Int)
    /// `finishAttempt` on an attempt that already ended.
    case attemptNotRunning(runID: String, stepID: String, attempt: Int, status: AttemptStatus)
    /// Step outputs that JSON cannot represent (NaN or an infinite number).
    case outputsNotJSON(runID: String, stepID: String, reason: String)
    /// A stored value this version cannot read.
    case unreadableValue(table: String, column: String, reason: String)
    /// The database was migrated by a newer Showrunner.
    case newerSchema(path: String)

    public var description: String {
        switch self {
        case .runNotFound(let id):
            "No run with id '\(id)'."
        case .attemptNotFound(let runID, let stepID, let attempt):
            "Run '\(runID)' has no attempt \(attempt) of step '\(stepID)'."
        case .attemptNotRunning(let runID, let stepID, let attempt, let status):
            "Attempt \(attempt) of step '\(stepID)' in run '\(runID)' already ended as \(status.rawValue)."
        case .outputsNotJSON(let runID, let stepID, let reason):
            "The outputs of step '\(stepID)' in run '\(runID)' cannot be stored as JSON: \(reason)."
        case .unreadableValue(let table, let column, let reason):
            "The store holds a value in \(table).\(column) that cannot be read: \(reason)."
        case .newerSchema(let path):
            "The store at \(path) was written by a newer Showrunner; upgrade before using it."
        }
    }
}
