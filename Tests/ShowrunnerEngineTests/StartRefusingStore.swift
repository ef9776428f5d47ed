import Foundation
import ShowrunnerCore
import ShowrunnerStore

/// The real store, except that recording several runs `running` in one write fails: for the executor's
/// run-by-run start.
struct StartRefusingStore: ForwardingRunStore {
    struct Refused: Error {}

    let base: SQLiteStore

    func markRunning(ids: [String], owner: RunOwner, at date: Date) async throws {
        guard ids.count <= 1 else { throw Refused() }
        try await base.markRunning(ids: ids, owner: owner, at: date)
    }
}
