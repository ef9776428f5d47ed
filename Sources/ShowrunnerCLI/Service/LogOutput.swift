import Logging
import ShowrunnerCore
import Synchronization

/// The log format in force: logging is bootstrapped before `showrunner.yaml` is read, so each handler asks here
/// at every message (text until the daemon has read `log.format`).
enum LogOutput {
    private static let format = Mutex(LogFormat.text)

    static var current: LogFormat { format.withLock { $0 } }

    static func use(_ value: LogFormat) { format.withLock { $0 = value } }
}

/// Writes each message as text (swift-log's stream handler) or as a JSON line, as `LogOutput` says.
struct SwitchableLogHandler: LogHandler {
    private var text: StreamLogHandler
    private var json: JSONLogHandler

    init(label: String, level: Logger.Level) {
        text = StreamLogHandler.standardError(label: label)
        json = JSONLogHandler(label: label)
        self.logLevel = level
    }

    var logLevel: Logger.Level {
        get { text.logLevel }
        set {
            text.logLevel = newValue
            json.logLevel = newValue
        }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { text.metadataProvider }
        set {
            text.metadataProvider = newValue
            json.metadataProvider = newValue
        }
    }

    var metadata: Logger.Metadata {
        get { text.metadata }
        set {
            text.metadata = newValue
            json.metadata = newValue
        }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { text[metadataKey: key] }
        set {
            text[metadataKey: key] = newValue
            json[metadataKey: key] = newValue
        }
    }

    func log(event: LogEvent) {
        switch LogOutput.current {
        case .text: text.log(event: event)
        case .json: json.log(event: event)
        }
    }
}
