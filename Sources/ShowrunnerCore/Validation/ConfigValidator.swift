/// Checks a whole config snapshot: every file's own problems plus the cross-file rules.
public struct ConfigValidator: Sendable {
    public let secrets: SecretChecker

    public init(secrets: SecretChecker) { self.secrets = secrets }

    /// Checks every file of the snapshot (the watcher passes only the accounts a change can affect, with every
    /// pipeline).
    public func validate(_ snapshot: ConfigSnapshot) -> ValidationReport {
        ConfigValidator(secrets: secrets.rememberingFiles()).validateAll(snapshot)
    }

    private func validateAll(_ snapshot: ConfigSnapshot) -> ValidationReport {
        var diagnostics = snapshot.folderDiagnostics
        diagnostics += snapshot.settings.map(checkSettings) ?? []
        var broken: Set<String> = []
        for document in snapshot.pipelines {
            var found = document.diagnostics
            if let pipeline = document.value, !document.hasErrors {
                found += PipelineChecker(
                    pipeline: pipeline, sourceMap: document.sourceMap, prefix: "", secrets: secrets
                )
                .check()
            }
            if document.value == nil || found.contains(where: { $0.severity == .error }) {
                broken.insert(document.name)
            }
            diagnostics += found
        }
        let duplicatePipelines = duplicates(snapshot.pipelines, noun: "pipeline name", key: "name")
        broken.formUnion(
            duplicatePipelines.compactMap { diagnostic in
                snapshot.pipelines.first { $0.path == diagnostic.file }?.name
            })
        diagnostics += duplicatePipelines
        let duplicateAccounts = duplicates(snapshot.accounts, noun: "account id", key: "id")
        diagnostics += duplicateAccounts
        let duplicatesByFile = Dictionary(grouping: duplicateAccounts, by: \.file)
        let brokenPipelines = broken
        let varUses = StepVarUses(pipelines: snapshot.pipelines.compactMap(\.value))
        let accounts = snapshot.accounts.concurrentMap { document in
            check(
                document, in: snapshot, brokenPipelines: brokenPipelines, varUses: varUses,
                duplicates: duplicatesByFile[document.path] ?? [])
        }
        for account in accounts { diagnostics += account.diagnostics.filter { !duplicateAccounts.contains($0) } }
        return ValidationReport(diagnostics: diagnostics.sortedForDisplay(), accounts: accounts)
    }

    private func check(
        _ document: ConfigDocument<Account>, in snapshot: ConfigSnapshot, brokenPipelines: Set<String>,
        varUses: StepVarUses, duplicates: [Diagnostic]
    ) -> AccountReport {
        var found = document.diagnostics + duplicates
        var pipeline: Pipeline?
        if let account = document.value {
            let checked = AccountChecker(
                document: document, account: account, snapshot: snapshot, brokenPipelines: brokenPipelines,
                secrets: secrets, varUses: varUses
            )
            .check()
            found += document.placing(checked.diagnostics)
            pipeline = checked.pipeline
        } else if let name = document.refersTo, snapshot.pipeline(named: name) == nil {
            // Reported with the file's other errors, not after they are fixed.
            found.append(AccountChecker.unknownPipeline(name, in: snapshot, map: document.sourceMap))
        }
        return AccountReport(document: document, pipeline: pipeline, diagnostics: found)
    }

    private func duplicates<Value>(_ documents: [ConfigDocument<Value>], noun: String, key: String) -> [Diagnostic] {
        var indices: [String: [Int]] = [:]  // indices, not documents: no copies of 10,000 documents
        for (index, document) in documents.enumerated() { indices[document.name, default: []].append(index) }
        return indices.values.filter { $0.count > 1 }.flatMap { group in
            let group = group.map { documents[$0] }
            return group.map { document in
                let others = group.filter { $0.path != document.path }.map(\.path).joined(separator: ", ")
                return document.sourceMap.diagnostic(
                    .error, at: key,
                    "\(noun) '\(document.name)' is also declared by \(others); \(noun)s must be unique.")
            }
        }
    }

    private func checkSettings(_ document: ConfigDocument<DaemonSettings>) -> [Diagnostic] {
        var found = document.diagnostics
        guard let settings = document.value else { return found }
        let map = document.sourceMap
        if let token = settings.apiToken { found += secrets.check(token, key: "api_token", at: "api_token", in: map) }
        let endpoints = [
            ("providers.llm", settings.providers.llm), ("providers.tts_openai", settings.providers.ttsOpenAI),
        ]
        for (path, endpoint) in endpoints {
            if let key = endpoint.apiKey, map.contains("\(path).api_key") {
                found += secrets.check(key, key: "api_key", at: "\(path).api_key", in: map)
            }
        }
        if settings.apiToken == nil, !ListenAddress.isLoopback(settings.listen) {
            found.append(
                map.diagnostic(
                    .error, at: "listen",
                    "listen '\(settings.listen)' is not a loopback address; set api_token so the API is not open to "
                        + "the network."))
        }
        return found
    }
}

extension Array where Element == Diagnostic {
    /// By file, then line and column; whole-file problems first.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) }
    }
}
