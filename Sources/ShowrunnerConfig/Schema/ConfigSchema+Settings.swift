import ShowrunnerCore

/// `showrunner.yaml`.
extension ConfigSchema {
    static func endpoint(_ what: String) -> SchemaNode {
        .object(
            description: "\(what): an OpenAI-compatible endpoint.", keys: SettingsDecoder.endpointKeys,
            fields: [
                "base_url": .text(description: "Base URL, e.g. https://api.openai.com/v1."),
                "api_key": .text(
                    description: "Secret reference to the key, e.g. ${env:OPENAI_API_KEY}; \"\" for none."),
                "model": .text(description: "Model name."),
            ])
    }

    static var quota: SchemaNode {
        let units = 0...1_000_000_000
        return .object(
            description: "YouTube Data API quota per Google Cloud project and Pacific day.",
            keys: SettingsDecoder.quotaKeys,
            fields: [
                "daily_units": .integer(description: "Units per day (default 10000).", range: units),
                "insert_cost": .integer(description: "Units per video upload (default 1600).", range: units),
                "insert_bucket": .choice(
                    description: "Uploads share the daily bucket or have their own.", values: ["shared", "separate"]),
                "thumbnail_cost": .integer(description: "Units per thumbnail (default 50).", range: units),
                "playlist_insert_cost": .integer(description: "Units per playlist insert (default 50).", range: units),
                "caption_insert_cost": .integer(description: "Units per caption upload (default 400).", range: units),
            ])
    }

    static var settings: SchemaNode {
        .object(
            description: "Daemon settings; read at start-up.", keys: SettingsDecoder.keys,
            fields: [
                "state_dir": .text(description: "SQLite store and artifacts; relative to the config folder."),
                "listen": .text(description: "host:port of the HTTP API (default 127.0.0.1:8080)."),
                "api_token": .text(description: "Secret reference to the API's bearer token."),
                "max_concurrent_runs": .integer(description: "Runs at once (default 4).", range: 1...1000),
                "watch": .choice(
                    description: "How config changes are noticed.",
                    values: DaemonSettings.WatchMode.allCases.map(\.rawValue)),
                "debounce": .duration(description: "Quiet time before file changes are applied."),
                "shutdown_grace": .duration(description: "How long running steps may finish after SIGTERM."),
                "retention": .object(
                    description: "How long history and artifacts are kept.", keys: SettingsDecoder.retentionKeys,
                    fields: [
                        "runs": .duration(description: "Run history (default 90d)."),
                        "artifacts": .duration(description: "Run folders (default 14d)."),
                        "max_runs": .integer(
                            description: "Finished runs kept per account in history (default: no limit).",
                            range: 1...1_000_000),
                        "max_artifacts": .integer(
                            description: "Run folders kept per account (default 100).", range: 1...1_000_000),
                    ]),
                "providers": .object(
                    description: "External services.", keys: SettingsDecoder.providerKeys,
                    fields: [
                        "llm": endpoint("LLM steps"), "tts_openai": endpoint("voice.provider: openai"),
                        "youtube": .object(
                            description: "YouTube endpoints and quota.", keys: SettingsDecoder.youtubeKeys,
                            fields: [
                                "token_url": .text(description: "OAuth token endpoint."),
                                "api_base": .text(description: "Data API base URL."),
                                "upload_base": .text(description: "Upload API base URL."),
                                "quota": quota,
                            ]),
                    ]),
                "notify": notify,
                "store": store,
                "node": node,
                "log": .object(
                    description: "Logging.", keys: SettingsDecoder.logKeys,
                    fields: [
                        "format": .choice(
                            description: "text lines or one JSON object per line.",
                            values: LogFormat.allCases.map(\.rawValue))
                    ]),
            ])
    }
}
