import Foundation
import Logging
import ServiceLifecycle
import ShowrunnerCore
import ShowrunnerSteps

/// Sends alerts to their receivers in the background: `post` only queues (a run never waits for a webhook), each
/// delivery is retried with backoff, and every attempt is recorded in the store (`showrunner history --alerts`).
final class AlertDispatcher: Service, Sendable {
    typealias Send = @Sendable (HTTPRequest) async throws -> HTTPResponse
    typealias Resolve = @Sendable (String) throws -> String

    struct Policy: Sendable {
        /// The delays between attempts: 5 attempts over about 5 minutes by default.
        var backoff: [Duration] = [.seconds(5), .seconds(30), .seconds(90), .seconds(180)]
        /// A receiver slower than this counts as a failed attempt.
        var timeout: Duration = .seconds(10)
    }

    let global: [AlertTarget]
    let targets: @Sendable (_ accountID: String) -> [AlertTarget]
    let log: any AlertLog
    let send: Send
    let resolve: Resolve
    let policy: Policy
    let now: @Sendable () -> Date
    let logger: Logger
    private let queue: AsyncStream<Alert>
    private let sink: AsyncStream<Alert>.Continuation

    init(
        global: [AlertTarget], targets: @escaping @Sendable (String) -> [AlertTarget], log: any AlertLog,
        send: @escaping Send, resolve: @escaping Resolve, policy: Policy = Policy(),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
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
    func post(_ alert: Alert) { sink.yield(alert) }

    /// Delivers queued alerts, each receiver in a child task, until graceful shutdown (pending ones stay recorded
    /// as `pending`).
    func run() async throws {
        await withDiscardingTaskGroup { group in
            for await alert in queue.cancelOnGracefulShutdown() {
                let receivers = (global + (alert.accountID.map(targets) ?? [])).filter { $0.wants(alert.event) }
                for target in receivers { group.addTask { await self.deliver(alert, to: target) } }
            }
            group.cancelAll()
        }
    }

    func finish() { sink.finish() }

    /// Attempts until a 2xx, or until the backoff is used up; records each attempt.
    func deliver(_ alert: Alert, to target: AlertTarget) async {
        let started = now()
        var delivery = AlertDelivery(
            id: UUID().uuidString.lowercased(), event: alert.event, accountID: alert.accountID, runID: alert.runID,
            target: AlertTarget.masked(target.url), format: target.format, createdAt: started, updatedAt: started)
        await record(delivery)
        for attempt in 0...policy.backoff.count {
            delivery.attempts = attempt + 1
            delivery.lastError = await attemptError(alert, target)
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
                metadata: ["event": "\(alert.event.rawValue)", "target": "\(delivery.target)"])
        }
    }

    /// nil when the receiver took it; else why not, without the URL's secret parts.
    private func attemptError(_ alert: Alert, _ target: AlertTarget) async -> String? {
        do {
            let response = try await send(try request(alert, target))
            return (200..<300).contains(response.status) ? nil : "HTTP \(response.status)"
        } catch let failure as StepFailure {
            return mask(failure.message, target)
        } catch {
            return mask("\(error)", target)
        }
    }

    func request(_ alert: Alert, _ target: AlertTarget) throws -> HTTPRequest {
        let address = try resolve(target.url)
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https" else {
            throw StepFailure(.permanent, "the receiver's url is not an http(s) URL.")
        }
        let body = alert.body(target.format)
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

    private func record(_ delivery: AlertDelivery) async {
        do {
            try await log.recordDelivery(delivery)
        } catch {
            logger.error("cannot record an alert delivery", metadata: ["error": "\(error)"])
        }
    }
}
