import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore

/// A cluster node's share of the queued runs: whenever it is woken — by its own submits, by a run that ended, by
/// another node's `NOTIFY` — and every `poll` as the fallback, it claims as many queued runs as it has free slots,
/// of the accounts it may run (configured here, `runs_on` labels all among its own). It also carries out cancels
/// asked for through other nodes, and gives back what it claimed but did not start when it stops.
public struct RunClaimService: Service {
    let claims: any QueuedRunClaims
    let notifications: (any QueuedRunNotifications)?
    let cancels: (any RunCancelRequests)?
    let scheduler: Scheduler
    let coordinator: RunCoordinator
    let labels: Set<String>
    let lease: Duration
    let poll: Duration
    let logger: Logger
    private let wakeUps: AsyncStream<Void>
    private let wakeSink: AsyncStream<Void>.Continuation
    private let cancelWakeUps: AsyncStream<Void>
    private let cancelSink: AsyncStream<Void>.Continuation

    /// Wires `coordinator` to record runs without an owner and to wake this service.
    public init(
        claims: any QueuedRunClaims, notifications: (any QueuedRunNotifications)?, scheduler: Scheduler,
        coordinator: RunCoordinator, labels: [String], lease: Duration, poll: Duration = .seconds(2), logger: Logger,
        cancels: (any RunCancelRequests)? = nil
    ) {
        self.claims = claims
        self.notifications = notifications
        self.cancels = cancels
        self.scheduler = scheduler
        self.coordinator = coordinator
        self.labels = Set(labels)
        self.lease = lease
        self.poll = poll
        self.logger = logger
        (wakeUps, wakeSink) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        (cancelWakeUps, cancelSink) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        let sink = wakeSink
        coordinator.claimQueuedRuns(wake: { sink.yield() })
    }

    /// Whether a node with `labels` may run `account`: every `runs_on` label is one of the node's.
    public static func mayRun(_ account: Account, labels: Set<String>) -> Bool {
        Set(account.runsOn).isSubset(of: labels)
    }

    public func run() async throws {
        let (sink, cancelSink) = (wakeSink, self.cancelSink)
        let listener = Task { await listen(sink, cancels: cancelSink) }
        let poller = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: poll)
                sink.yield()
                cancelSink.yield()
            }
        }
        let canceller = Task { for await _ in cancelWakeUps { await takeCancelRequests() } }
        defer {
            listener.cancel()
            poller.cancel()
            canceller.cancel()
        }
        sink.yield()
        await cancelWhenGracefulShutdown {
            for await _ in wakeUps {
                await claimOnce()
            }
        }
        await releaseClaimed()
    }

    /// LISTENs for runs queued and cancels asked for by any node; a lost connection is listened on again a second
    /// later.
    private func listen(_ sink: AsyncStream<Void>.Continuation, cancels: AsyncStream<Void>.Continuation) async {
        guard let notifications else { return }
        while !Task.isCancelled {
            do {
                try await notifications.listenForQueuedRuns { payload in
                    if payload == "cancel" { cancels.yield() } else { sink.yield() }
                }
            } catch {
                logger.notice("listening for queued runs failed; polling meanwhile", metadata: ["error": "\(error)"])
            }
            sink.yield()  // runs queued while not listening
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Claims up to the free slots' worth of queued runs and starts them here.
    func claimOnce() async {
        let free = coordinator.freeSlots
        guard free > 0 else { return }
        let accounts = scheduler.configuredAccounts().filter { eligible($0.value.account) }
        guard !accounts.isEmpty else { return }
        let owner = coordinator.currentOwner()
        let staleBefore = owner.heartbeatAt.addingTimeInterval(-Self.seconds(lease))
        do {
            let exclusive = accounts.filter { ($0.value.account.schedule?.overlap ?? .skip) != .allow }
            let runs = try await claims.claimQueuedRuns(
                accountIDs: accounts.keys.sorted(), exclusive: exclusive.keys.sorted(), owner: owner,
                staleBefore: staleBefore, limit: free)
            for run in runs {
                guard let scheduled = accounts[run.accountID] else { continue }
                let fired = run.trigger == .schedule || run.trigger == .catchUp
                coordinator.enqueueRecorded(
                    run, account: scheduled.account, mergedPipeline: scheduled.mergedPipeline,
                    afterActiveRun: fired && scheduled.account.schedule?.overlap == .queue, start: false)
            }
            coordinator.startWaiting()  // the claimed runs start together (one write records them running)
        } catch {
            logger.warning("queued runs not claimed", metadata: ["error": "\(error)"])
        }
    }

    /// Runs this node may take: `runs_on` matches, and an account with `overlap: queue` that runs here already
    /// is left alone (its run would wait here holding the claim).
    private func eligible(_ account: Account) -> Bool {
        guard Self.mayRun(account, labels: labels) else { return false }
        if account.schedule?.overlap == .queue, coordinator.runs(of: account.id).running > 0 { return false }
        return true
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
