extension LegacyAccount {
    /// An `Account` row read as text: columns under their usual spellings in the old models (a missing column reads
    /// as absent; a missing active flag as active).
    public init(columns row: [String: String]) {
        let text = { (names: [String]) in names.lazy.compactMap { row[$0] }.first }
        self.init(
            id: row["id"] ?? "", name: text(["name", "channel_name"]) ?? "",
            channelType: text(["channel_type", "type", "niche"]),
            uploadSchedule: text(["upload_schedule", "schedule", "cron"]),
            ttsProvider: text(["tts_provider", "tts_engine"]), ttsVoice: text(["tts_voice", "voice"]),
            ttsSpeed: text(["tts_speed", "voice_speed"]).flatMap { Double($0) },
            active: text(["is_active", "active", "enabled"]).flatMap(Self.flag) ?? true)
    }

    /// A boolean as SQLite (`1`/`0`) or PostgreSQL (`true`/`false`, `t`/`f`) writes it as text.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "t", "yes", "y", "on": true
        case "0", "false", "f", "no", "n", "off": false
        default: nil
        }
    }
}

extension LegacyJob {
    /// A `JobHistory` row read as text, columns under their usual spellings.
    public init(columns row: [String: String]) {
        let text = { (names: [String]) in names.lazy.compactMap { row[$0] }.first }
        self.init(
            id: row["id"] ?? "", accountID: row["account_id"] ?? "", status: text(["status", "state"]) ?? "",
            startedAt: text(["started_at", "start_time", "created_at"]),
            finishedAt: text(["completed_at", "finished_at", "end_time"]),
            error: text(["error_message", "error", "message"]))
    }
}
