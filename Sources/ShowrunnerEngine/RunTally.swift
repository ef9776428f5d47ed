import Foundation
import ShowrunnerCore
import Synchronization

/// Which ended runs the metrics counted: the ones this process ended, and the ones other processes (`trigger`,
/// `retry` on the same store) ended, found in the store when `/metrics` is read.
final class RunTally: Sendable {
    private struct State {
        /// Runs that ended up to this position were looked at.
        var cursor: FinishedRunPosition
        /// Runs this process counted and the store has not yet shown past the cursor.
        var countedHere: Set<String> = []
        var sweeping = false
        /// Each account's newest success counted.
        var newestSuccess: [String: Date] = [:]
    }

    private let state: Mutex<State>

    init(since start: Date) { state = Mutex(State(cursor: FinishedRunPosition(finishedAt: start))) }

    func countedHere(_ runID: String) { _ = state.withLock { $0.countedHere.insert(runID) } }

    /// Notes a success of `accountID` at `date`; true when it is the account's newest (the gauge never goes back).
    func isNewestSuccess(_ date: Date, accountID: String) -> Bool {
        state.withLock { state in
            guard date > state.newestSuccess[accountID] ?? .distantPast else { return false }
            state.newestSuccess[accountID] = date
            return true
        }
    }

    /// The runs that ended since the last call and were not counted here (none while another call is busy).
    func endedElsewhere(in history: any RunHistory) async throws -> [RunRecord] {
        guard
            let cursor = state.withLock({ state -> FinishedRunPosition? in
                if state.sweeping { return nil }
                state.sweeping = true
                return state.cursor
            })
        else { return [] }
        defer { state.withLock { $0.sweeping = false } }
        var found: [RunRecord] = []
        var next = cursor
        while true {
            let page = try await history.runsFinished(after: next, limit: 500)
            found += state.withLock { state in page.filter { state.countedHere.remove($0.id) == nil } }
            guard let last = page.last.flatMap(FinishedRunPosition.init(of:)) else { break }
            next = last
            state.withLock { $0.cursor = last }
            if page.count < 500 { break }
        }
        return found
    }
}
