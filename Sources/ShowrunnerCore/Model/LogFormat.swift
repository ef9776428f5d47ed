/// How the daemon writes its log lines to stderr (`log.format` in showrunner.yaml).
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    /// One human-readable line per message (swift-log's stream handler).
    case text
    /// One JSON object per line: time, level, label, message, metadata (for journald/Loki-style collectors).
    case json
}
