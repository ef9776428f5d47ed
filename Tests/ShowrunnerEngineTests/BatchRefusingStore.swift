import Foundation
import ShowrunnerCore
import ShowrunnerStore

/// The real store, except that writing several runs in one transaction fails (as a busy or broken database
/// would): for the scheduler's fire-by-fire fallback.
struct BatchRefusingStore: ForwardingRunStore {
    struct Refused: Error {}

    let base: SQLiteStore

    func insertRuns(_ runs: [RunRecord]) async throws -> [Bool] {
        guard runs.count <= 1 else { throw Refused() }
        return try await base.insertRuns(runs)
    }
}
