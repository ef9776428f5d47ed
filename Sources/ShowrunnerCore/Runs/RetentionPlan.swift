import Foundation

/// Which run folders retention deletes: those older than the cutoff, and each account's beyond its newest
/// `maxPerAccount`; never a protected one (a running run, an unfinished upload's). Pure.
public struct RetentionPlan: Sendable {
    /// One folder of `STATE/runs/`.
    public struct Folder: Sendable, Hashable {
        public var runID: String
        public var modified: Date
        /// nil when history no longer has the run: then only its age counts.
        public var accountID: String?

        public init(runID: String, modified: Date, accountID: String?) {
            self.runID = runID
            self.modified = modified
            self.accountID = accountID
        }
    }

    public var cutoff: Date
    public var maxPerAccount: Int?
    public var protected: Set<String>

    public init(cutoff: Date, maxPerAccount: Int?, protected: Set<String>) {
        self.cutoff = cutoff
        self.maxPerAccount = maxPerAccount
        self.protected = protected
    }

    /// The run ids to delete, sorted.
    public func doomed(_ folders: [Folder]) -> [String] {
        let candidates = folders.filter { !protected.contains($0.runID) }
        var doomed = Set(candidates.filter { $0.modified < cutoff }.map(\.runID))
        if let maxPerAccount {
            // Protected folders count towards the newest N: they are kept either way.
            let byAccount = Dictionary(grouping: folders.filter { $0.accountID != nil }) { $0.accountID ?? "" }
            for (_, owned) in byAccount {
                let newestFirst = owned.sorted { ($0.modified, $0.runID) > ($1.modified, $1.runID) }
                for folder in newestFirst.dropFirst(maxPerAccount) where !protected.contains(folder.runID) {
                    doomed.insert(folder.runID)
                }
            }
        }
        return doomed.sorted()
    }
}
