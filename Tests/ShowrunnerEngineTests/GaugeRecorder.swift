import CoreMetrics
import Synchronization

/// A metrics factory that keeps the last value of every gauge, by label and `account` dimension.
final class GaugeRecorder: MetricsFactory, Sendable {
    private let recorded = Mutex<[String: [String: Double]]>([:])

    var values: [String: [String: Double]] { recorded.withLock { $0 } }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        Handler(label: label, account: dimensions.first { $0.0 == "account" }?.1 ?? "", owner: self)
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        NOOPMetricsHandler.instance
    }
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { NOOPMetricsHandler.instance }
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    fileprivate func record(_ value: Double, label: String, account: String) {
        recorded.withLock { $0[label, default: [:]][account] = value }
    }

    private final class Handler: RecorderHandler, Sendable {
        let label: String
        let account: String
        let owner: GaugeRecorder

        init(label: String, account: String, owner: GaugeRecorder) {
            self.label = label
            self.account = account
            self.owner = owner
        }

        func record(_ value: Int64) { owner.record(Double(value), label: label, account: account) }
        func record(_ value: Double) { owner.record(value, label: label, account: account) }
    }
}
