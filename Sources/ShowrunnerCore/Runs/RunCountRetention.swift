import Foundation

/// Retention beyond ages (`retention.max_runs`, `max_artifacts`): the newest runs of each account, and the runs an
/// unfinished upload still reads from, which are never deleted.
public protocol RunCountRetention: Sendable {
    /// Deletes each account's finished runs beyond its newest `count` (by creation), sparing the runs of unfinished
    /// uploads touched since `uploadsSince`; returns how many.
    func deleteFinishedRuns(keepingNewest count: Int, uploadsSince: Date) async throws -> Int
    /// The runs whose video an upload without a video id yet, touched since `date`, still reads.
    func runsWithUnfinishedUploads(since date: Date) async throws -> Set<String>
    /// The account of each run in `ids` that history still has.
    func accounts(ofRuns ids: [String]) async throws -> [String: String]
}
