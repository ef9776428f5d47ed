import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore
import ShowrunnerSteps

/// Sends alerts to their receivers in the background: `post` only queues (a run never waits for a webhook), each
/// delivery is retried with backoff, and every attempt is recorded in the store (`showrunner history --alerts`)
/// with its body and receiver's name, so that a delivery left pending by a stop or a crash is resent after the next
/// start (AlertDispatcher+Resume.swift).
final class AlertDispatcher: Service, Sendable {
    typealias Send = @Sendable (HTTPRequest) async throws -> HTTPResponse
    typealias Resolve = @Sendable (String) throws -> String

    struct Policy: Sendable {
        /// The delays between attempts: 5 attempts over about 5 minutes by default.
        var backoff: [Duration] = [.seconds(5), .seconds(30), .seconds(90), .seconds(180)]
        /// A receiver slower than this counts as a failed attempt.
        var timeout: Duration = .seconds(10)
        /// A pending delivery of another process untouched this long is taken over: zero for a store only this
        /// daemon uses; for a shared one longer than a live sender leaves a delivery untouched (the longest backoff
        /// plus the timeout).
        var takeOverAfter: Duration = .zero
        /// How often pending deliveries left by other processes are looked for (the first time at start).
        var sweepEvery: Duration = .seconds(60)
    }

    /// What the background loop delivers: a new alert, or a delivery taken over from a stopped process.
    enum Job: Sendable {
        case alert(Alert)
        case resumed(AlertDelivery, AlertTarget)
    }

    let global: [AlertTarget]
    let targets: @Sendable (_ accountID: String) -> [AlertTarget]
    let log: any AlertLog
    let send: Send
    let resolve: Resolve
    let policy: Policy
    let now: @Sendable () -> Date
    let logger: Logger
    /// This process as the owner of its deliveries (`host~instance`).
    let owner: String
    private let queue: AsyncStream<Job>
    let sink: AsyncStream<Job>.Continuation

    init(
        global: [AlertTarget], targets: @escaping @Sendable (String) -> [AlertTarget], log: any AlertLog,
        send: @escaping Send, resolve: @escaping Resolve, policy: Policy = Policy(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger,
        owner: String = "\(ProcessInfo.processInfo.hostName)~\(UUID().uuidString.prefix(8).lowercased())"
    ) {
        self.owner = owner
        self.global = global
        self.targets = targets
        self.log = log
        self.send = send
        self.resolve = resolve
        self.policy = policy
        self.now = now
        self.logger = logger
        (queue, sink) = AsyncStream.makeStream()
    }

    /// Queues the alert; returns at once.
    func post(_ alert: Alert) { sink.yield(.alert(alert)) }

    /// Delivers queued alerts, each receiver in a child task, and those taken over from a stopped process, until
    /// graceful shutdown (pending ones stay recorded as `pending`, resent after the next start).
    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.sweepPending() }
            for await job in queue.cancelOnGracefulShutdown() {
                switch job {
                case .alert(let alert):
                    let receivers = (global + (alert.accountID.map(targets) ?? [])).filter { $0.wants(alert.event) }
                    for target in receivers { group.addTask { await self.deliver(alert, to: target) } }
                case .resumed(let delivery, let target):
                    group.addTask { await self.retry(delivery, to: target) }
                }
            }
            group.cancelAll()
        }
    }

    func finish() { sink.finish() }

    /// Records the delivery (with its body and receiver's name), then attempts it.
    func deliver(_ alert: Alert, to target: AlertTarget) async {
        let started = now()
        let body = alert.body(target.format)
        let delivery = AlertDelivery(
            id: UUID().uuidString.lowercased(), event: alert.event, accountID: alert.accountID, runID: alert.runID,
            target: AlertTarget.masked(target.url), format: target.format, receiver: target.receiverName,
            payload: String(decoding: body, as: UTF8.self), owner: owner, createdAt: started, updatedAt: started)
        await record(delivery)
        await retry(delivery, to: target)
    }

    /// Attempts until a 2xx, or until the backoff is used up (counted from this call: a delivery resumed after a
    /// restart gets the whole backoff again); records each attempt.
    func retry(_ start: AlertDelivery, to target: AlertTarget) async {
        var delivery = start
        let body = Data((delivery.payload ?? "").utf8)
        for attempt in 0...policy.backoff.count {
            delivery.attempts += 1
            delivery.lastError = await attemptError(body, target)
            delivery.updatedAt = now()
            let last = attempt == policy.backoff.count
            delivery.status = delivery.lastError == nil ? .delivered : (last ? .failed : .pending)
            await record(delivery)
            if delivery.status != .pending { break }
            do { try await Task.sleep(for: policy.backoff[attempt]) } catch { return }
        }
        if delivery.status == .failed {
            logger.warning(
                "alert not delivered",
                metadata: ["event": "\(delivery.event.rawValue)", "target": "\(delivery.target)"])
        }
    }

    /// nil when the receiver took it; else why not, without the URL's secret parts.
    private func attemptError(_ body: Data, _ target: AlertTarget) async -> String? {
        do {
            let response = try await send(try request(body, target))
            return (200..<300).contains(response.status) ? nil : "HTTP \(response.status)"
        } catch let failure as StepFailure {
            return mask(failure.message, target)
        } catch {
            return mask("\(error)", target)
        }
    }

    /// The POST of `body`, signed now (a resent body gets a fresh timestamp and signature).
    func request(_ body: Data, _ target: AlertTarget) throws -> HTTPRequest {
        let address = try resolve(target.url)
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https" else {
            throw StepFailure(.permanent, "the receiver's url is not an http(s) URL.")
        }
        var headers = ["Content-Type": "application/json"]
        if target.format == .json, let secret = try target.secret.map(resolve) {
            let timestamp = Int(now().timeIntervalSince1970)
            headers[AlertSignature.header] = AlertSignature.value(body: body, secret: secret, timestamp: timestamp)
            headers[AlertSignature.timestampHeader] = "\(timestamp)"
        }
        return HTTPRequest(method: "POST", url: url, headers: headers, body: body, timeout: policy.timeout)
    }

    private func mask(_ message: String, _ target: AlertTarget) -> String {
        guard let address = try? resolve(target.url), !address.isEmpty else { return message }
        return message.replacingOccurrences(of: address, with: AlertTarget.masked(address))
    }

    func record(_ delivery: AlertDelivery) async {
        do {
            try await log.recordDelivery(delivery)
        } catch {
            logger.error("cannot record an alert delivery", metadata: ["error": "\(error)"])
        }
    }
}
