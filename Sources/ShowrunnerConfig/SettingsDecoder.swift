import ShowrunnerCore
import ShowrunnerYAML

/// Decodes `showrunner.yaml` (SPEC §6).
enum SettingsDecoder {
    static let keys = [
        "state_dir", "listen", "api_token", "max_concurrent_runs", "watch", "debounce", "shutdown_grace", "retention",
        "providers", "log", "notify", "store", "node",
    ]
    static let retentionKeys = ["runs", "artifacts", "max_runs", "max_artifacts"]
    static let logKeys = ["format"]
    static let providerKeys = ["llm", "tts_openai", "youtube"]
    static let endpointKeys = ["base_url", "api_key", "model"]
    static let youtubeKeys = ["token_url", "api_base", "upload_base", "quota"]
    static let quotaKeys = [
        "daily_units", "insert_cost", "insert_bucket", "thumbnail_cost", "playlist_insert_cost",
        "caption_insert_cost",
    ]

    static func decode(_ root: YAMLNode, reader: inout NodeReader) -> DaemonSettings? {
        guard let entries = reader.mapping(root, at: "", known: keys) else { return nil }
        var settings = DaemonSettings()
        settings.stateDir = reader.string(entries["state_dir"], at: "state_dir") ?? settings.stateDir
        settings.listen = reader.string(entries["listen"], at: "listen") ?? settings.listen
        if ListenAddress.parse(settings.listen) == nil {
            reader.error("listen", "'\(settings.listen)' is not host:port, e.g. 127.0.0.1:8080.")
        }
        settings.apiToken = reader.string(entries["api_token"], at: "api_token")
        settings.maxConcurrentRuns =
            reader.int(entries["max_concurrent_runs"], at: "max_concurrent_runs", in: 1...1000)
            ?? settings.maxConcurrentRuns
        settings.watch = reader.choice(entries["watch"], at: "watch") ?? settings.watch
        settings.debounce = reader.duration(entries["debounce"], at: "debounce") ?? settings.debounce
        settings.shutdownGrace =
            reader.duration(entries["shutdown_grace"], at: "shutdown_grace") ?? settings.shutdownGrace
        if let node = entries["retention"],
            let retention = reader.mapping(node, at: "retention", known: retentionKeys)
        {
            settings.runRetention = reader.duration(retention["runs"], at: "retention.runs") ?? settings.runRetention
            settings.artifactRetention =
                reader.duration(retention["artifacts"], at: "retention.artifacts") ?? settings.artifactRetention
            if let count = reader.int(retention["max_runs"], at: "retention.max_runs", in: 1...1_000_000) {
                settings.maxRunsPerAccount = count
            }
            if let count = reader.int(retention["max_artifacts"], at: "retention.max_artifacts", in: 1...1_000_000) {
                settings.maxArtifactsPerAccount = count
            }
        }
        if let node = entries["providers"] { decodeProviders(node, into: &settings.providers, reader: &reader) }
        if let node = entries["store"] { settings.store = StoreSettingDecoder.decode(node, reader: &reader) }
        if let node = entries["node"], let entries = reader.mapping(node, at: "node", known: ["name", "labels"]) {
            settings.nodeName = reader.string(entries["name"], at: "node.name")
            settings.nodeLabels = NodeLabels.decode(entries["labels"], at: "node.labels", reader: &reader) ?? []
        }
        settings.notify = reader.alertTargets(entries["notify"], at: "notify") ?? []
        if let node = entries["log"], let log = reader.mapping(node, at: "log", known: logKeys) {
            settings.logFormat = reader.choice(log["format"], at: "log.format") ?? settings.logFormat
        }
        return reader.hasErrors ? nil : settings
    }

    private static func decodeProviders(
        _ node: YAMLNode, into providers: inout ProviderSettings, reader: inout NodeReader
    ) {
        guard let entries = reader.mapping(node, at: "providers", known: providerKeys) else {
            return
        }
        if let llm = entries["llm"] { decodeEndpoint(llm, at: "providers.llm", into: &providers.llm, reader: &reader) }
        if let tts = entries["tts_openai"] {
            decodeEndpoint(tts, at: "providers.tts_openai", into: &providers.ttsOpenAI, reader: &reader)
        }
        guard let node = entries["youtube"],
            let youtube = reader.mapping(node, at: "providers.youtube", known: youtubeKeys)
        else { return }
        providers.youtube.tokenURL =
            reader.string(youtube["token_url"], at: "providers.youtube.token_url") ?? providers.youtube.tokenURL
        providers.youtube.apiBase =
            reader.string(youtube["api_base"], at: "providers.youtube.api_base") ?? providers.youtube.apiBase
        providers.youtube.uploadBase =
            reader.string(youtube["upload_base"], at: "providers.youtube.upload_base") ?? providers.youtube.uploadBase
        if let quota = youtube["quota"] { decodeQuota(quota, into: &providers.youtube.quota, reader: &reader) }
    }

    private static func decodeEndpoint(
        _ node: YAMLNode, at path: String, into endpoint: inout ProviderSettings.Endpoint, reader: inout NodeReader
    ) {
        guard let entries = reader.mapping(node, at: path, known: endpointKeys) else { return }
        endpoint.baseURL = reader.string(entries["base_url"], at: "\(path).base_url") ?? endpoint.baseURL
        endpoint.apiKey = reader.string(entries["api_key"], at: "\(path).api_key") ?? endpoint.apiKey
        endpoint.model = reader.string(entries["model"], at: "\(path).model") ?? endpoint.model
    }

    private static func decodeQuota(
        _ node: YAMLNode, into quota: inout ProviderSettings.Quota, reader: inout NodeReader
    ) {
        let path = "providers.youtube.quota"
        guard let entries = reader.mapping(node, at: path, known: quotaKeys) else { return }
        let units = 0...1_000_000_000
        quota.dailyUnits = reader.int(entries["daily_units"], at: "\(path).daily_units", in: units) ?? quota.dailyUnits
        quota.insertCost = reader.int(entries["insert_cost"], at: "\(path).insert_cost", in: units) ?? quota.insertCost
        quota.thumbnailCost =
            reader.int(entries["thumbnail_cost"], at: "\(path).thumbnail_cost", in: units) ?? quota.thumbnailCost
        quota.playlistInsertCost =
            reader.int(entries["playlist_insert_cost"], at: "\(path).playlist_insert_cost", in: units)
            ?? quota.playlistInsertCost
        quota.captionInsertCost =
            reader.int(entries["caption_insert_cost"], at: "\(path).caption_insert_cost", in: units)
            ?? quota.captionInsertCost
        quota.insertBucket = reader.string(entries["insert_bucket"], at: "\(path).insert_bucket") ?? quota.insertBucket
        if !["shared", "separate"].contains(quota.insertBucket) {
            reader.error("\(path).insert_bucket", "'\(quota.insertBucket)' is not one of shared, separate.")
        }
    }
}
