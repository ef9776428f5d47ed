import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Synchronization

/// The real store, except that every insert of runs after the first waits until `release()`: shows what happens
/// while later rows of a burst are still being written. Counts the runs that ended `succeeded`.
final class HeldInsertStore: ForwardingRunStore, Sendable {
    let base: SQLiteStore
    private let inserts = Mutex(0)
    private let gate = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))
    private let succeeded = Mutex(0)

    init(base: SQLiteStore) { self.base = base }

    var succeededRuns: Int { succeeded.withLock { $0 } }

    func insertRuns(_ runs: [RunRecord]) async throws -> [Bool] {
        let call = inserts.withLock { count in
            count += 1
            return count
        }
        if call > 1 { await passGate() }
        return try await base.insertRuns(runs)
    }

    func updateRun(id: String, status: RunStatus, reason: String?, owner: RunOwner?, at date: Date) async throws {
        try await base.updateRun(id: id, status: status, reason: reason, owner: owner, at: date)
        if status == .succeeded { succeeded.withLock { $0 += 1 } }
    }

    /// Lets the held inserts (and every later one) through.
    func release() {
        let waiting = gate.withLock { gate in
            gate.open = true
            defer { gate.waiting = [] }
            return gate.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    private func passGate() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let open = gate.withLock { gate in
                if !gate.open { gate.waiting.append(continuation) }
                return gate.open
            }
            if open { continuation.resume() }
        }
    }
}
