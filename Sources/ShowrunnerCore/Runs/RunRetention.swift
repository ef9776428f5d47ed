import Foundation

/// Forgetting old runs (`retention:`).
public protocol RunRetention: Sendable {
    /// Deletes finished runs (and their attempts) that finished before `date`; returns how many.
    func deleteFinishedRuns(before date: Date) async throws -> Int
}
