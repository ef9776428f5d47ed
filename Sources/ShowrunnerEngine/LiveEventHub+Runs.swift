import Foundation
import ShowrunnerCore

/// The run coordinator's activity as live events: queued, started, each step's start and end, finished.
extension LiveEventHub: RunActivityListener, RunFinishListener {
    public func runQueued(_ run: RunRecord) {
        publish(.runQueued, Self.fields(run))
    }

    public func runEvent(_ event: RunEvent, of run: RunRecord) {
        var fields = Self.fields(run)
        switch event {
        case .runStarted:
            publish(.runStarted, fields)
        case .stepStarted(let step, let attempt):
            fields["step"] = step
            fields["attempt"] = String(attempt)
            publish(.stepStarted, fields)
        case .stepSucceeded(let step, let attempt, _):
            fields.merge(["step": step, "attempt": String(attempt), "status": "succeeded"]) { $1 }
            publish(.stepFinished, fields)
        case .stepFailed(let step, let attempt, let failure, _):
            fields.merge(["step": step, "attempt": String(attempt), "status": "failed", "kind": failure.kind.rawValue])
            {
                $1
            }
            publish(.stepFinished, fields)
        case .stepSkipped(let step, _):
            fields.merge(["step": step, "status": "skipped"]) { $1 }
            publish(.stepFinished, fields)
        case .runFinished(_, let outcome):
            // The executor reports the end once the store holds it: published now, not after the account's state
            // and the other finish listeners.
            state.withLock { _ = $0.finishedEarly.insert(run.id) }
            fields["status"] = outcome.status.rawValue
            publish(.runFinished, fields)
        default:
            break
        }
    }

    /// After the outcome is recorded: the end of a run the executor did not report (interrupted, a store failure);
    /// a page that reloads on this event sees the final status.
    public func runFinished(_ run: RunRecord, outcome: RunOutcome?) async {
        if state.withLock({ $0.finishedEarly.remove(run.id) }) != nil { return }
        var fields = Self.fields(run)
        fields["status"] = outcome?.status.rawValue ?? "interrupted"
        publish(.runFinished, fields)
    }

    /// The run's id, account and trigger, and `at_ms`: when the event was published (milliseconds since 1970), so a
    /// client can tell how late it got it.
    static func fields(_ run: RunRecord) -> [String: String] {
        [
            "run_id": run.id, "account_id": run.accountID, "trigger": run.trigger.rawValue,
            "at_ms": String(Int64((Date().timeIntervalSince1970 * 1000).rounded())),
        ]
    }
}
