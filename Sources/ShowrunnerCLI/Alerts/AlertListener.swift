import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import Synchronization

/// Turns what the engine reports into alerts: a finished run (failed, auto-paused, auth needed, video published)
/// through `RunFinishListener`, a quota wait through the run events, config errors after a reload.
final class AlertListener: RunFinishListener {
    let dispatcher: AlertDispatcher
    let accountStates: any AccountStateStore
    let history: any RunHistory
    let now: @Sendable () -> Date
    /// Accounts already reported paused, so an account paused once alerts once.
    private let paused = Mutex<Set<String>>([])

    init(
        dispatcher: AlertDispatcher, accountStates: any AccountStateStore, history: any RunHistory,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.dispatcher = dispatcher
        self.accountStates = accountStates
        self.history = history
        self.now = now
    }

    func runFinished(_ run: RunRecord, outcome: RunOutcome?) async {
        let account = run.accountID
        switch outcome {
        case .failed(let reason)?:
            post(.runFailed, account, run.id, "run failed: \(reason)")
        case .succeeded?:
            if let link = await publishedLink(run.id) {
                post(.videoPublished, account, run.id, "video published", link)
            }
        default: break
        }
        guard let state = try? await accountStates.accountState(account) else { return }
        if case .failed? = outcome, let flag = state.authFlag {
            post(.authNeeded, account, run.id, "sign-in needed (showrunner auth youtube \(account)): \(flag)")
        }
        let newlyPaused = paused.withLock { reported in
            guard state.paused else {
                reported.remove(account)
                return false
            }
            return reported.insert(account).inserted
        }
        if newlyPaused { post(.accountPaused, account, run.id, state.pauseReason ?? "account paused") }
    }

    /// A quota wait: a step failed for quota and will be retried after the reset.
    func runEvent(accountID: String, runID: String, event: RunEvent) {
        guard case .stepFailed(let step, _, let failure, _) = event, failure.kind == .quota else { return }
        post(.quotaWait, accountID, runID, "step \(step) waits for YouTube quota: \(failure.message)")
    }

    /// Errors a reload found (the last good versions stay scheduled).
    func configErrors(_ diagnostics: [Diagnostic]) {
        guard let first = diagnostics.first else { return }
        let more = diagnostics.count > 1 ? " (and \(diagnostics.count - 1) more)" : ""
        post(.configError, nil, nil, "config error after reload: \(first.rendered)\(more)")
    }

    private func post(_ event: AlertEvent, _ account: String?, _ run: String?, _ message: String, _ link: String? = nil)
    {
        dispatcher.post(Alert(event: event, accountID: account, runID: run, message: message, link: link, at: now()))
    }

    /// The URL (YouTube) or file path (upload.local) an upload step of the run returned.
    private func publishedLink(_ runID: String) async -> String? {
        let attempts = (try? await history.attempts(runID: runID)) ?? []
        for attempt in attempts where attempt.status == .succeeded {
            if case .string(let url)? = attempt.outputs?["url"] { return url }
        }
        for attempt in attempts where attempt.status == .succeeded && attempt.stepID.contains("upload") {
            if case .string(let path)? = attempt.outputs?["path"] { return path }
        }
        return nil
    }
}
