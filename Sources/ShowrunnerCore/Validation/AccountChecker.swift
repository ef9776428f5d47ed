/// Checks one decoded account against the pipelines: its pipeline, step overrides, vars, YouTube settings
/// and secrets. Produces the account's pipeline (before its overrides) when it resolves.
struct AccountChecker {
    let document: ConfigDocument<Account>
    let account: Account
    let snapshot: ConfigSnapshot
    /// Pipelines with errors of their own (or a duplicated name): an account on one is invalid.
    let brokenPipelines: Set<String>
    let secrets: SecretChecker
    /// The var names the snapshot's pipeline files use, step by step.
    let varUses: StepVarUses
    /// The account's `vars:` and `steps:`, read once (the account keeps them compact).
    private let vars: [String: ConfigValue]
    private let stepOverrides: [String: StepOverrides]

    init(
        document: ConfigDocument<Account>, account: Account, snapshot: ConfigSnapshot, brokenPipelines: Set<String>,
        secrets: SecretChecker, varUses: StepVarUses
    ) {
        self.document = document
        self.account = account
        self.snapshot = snapshot
        self.brokenPipelines = brokenPipelines
        self.secrets = secrets
        self.varUses = varUses
        vars = account.vars
        stepOverrides = account.stepOverrides
    }

    /// Empty when the document dropped its marks: the validator places what was found (`ConfigDocument.placing`).
    private var map: SourceMap { document.keptSourceMap ?? SourceMap(file: document.path) }

    func check() -> (diagnostics: [Diagnostic], pipeline: Pipeline?) {
        let (pipeline, pipelineProblems) = resolvePipeline()
        guard let pipeline else { return (pipelineProblems + varTemplates() + accountSecrets(), nil) }
        let mergedPipeline = pipeline.applying(stepOverrides)
        var found =
            pipelineProblems + checkOverrides(pipeline) + checkVars(mergedPipeline) + checkYouTube(mergedPipeline)
        found += accountSecrets() + resourceProblems(mergedPipeline)
        return (found, pipeline)
    }

    /// "unknown pipeline 'x'", with the closest name; also reported for an account file with other errors.
    static func unknownPipeline(_ name: String, in snapshot: ConfigSnapshot, map: SourceMap) -> Diagnostic {
        let names = snapshot.pipelines.map(\.name).sorted()
        let hint = Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
        let known =
            names.isEmpty ? "there are no pipelines in pipelines/" : "pipelines: \(names.joined(separator: ", "))"
        return map.diagnostic(.error, at: "pipeline", "unknown pipeline '\(name)'; \(hint)(\(known)).")
    }

    /// Files and colours that this account sets: in its step overrides, or through `{{ vars.NAME }}`.
    private func resourceProblems(_ mergedPipeline: Pipeline) -> [Diagnostic] {
        mergedPipeline.steps.flatMap { step in
            let overrides = stepOverrides[step.id]?.with
            return (ResourceInput.inputs[step.uses] ?? []).compactMap { input -> Diagnostic? in
                let overridden = overrides.flatMap { ResourceInput.value($0, input.name) }
                let value = ResourceInput.value(step.with, input.name)
                let place: String
                let text: String?
                if overridden != nil {
                    place = "steps.\(step.id).with.\(input.name)"
                    text = ResourceInput.literal(overridden)
                } else if let name = ResourceInput.varName(value) {
                    place = "vars.\(name)"
                    text = ResourceInput.literal(vars[name])
                } else {
                    return nil
                }
                guard let text,
                    let problem = ResourceInput.problem(
                        text, kind: input.kind, input: input.name, fileExists: secrets.fileExists)
                else { return nil }
                return map.diagnostic(.error, at: place, "step '\(step.id)' (\(input.name)): \(problem)")
            }
        }
    }

    private func resolvePipeline() -> (Pipeline?, [Diagnostic]) {
        switch account.pipeline {
        case .inline(let pipeline):
            let found = PipelineChecker(pipeline: pipeline, sourceMap: map, prefix: "pipeline.", secrets: secrets)
                .check()
            return (pipeline, found)
        case .named(let name):
            guard let document = snapshot.pipeline(named: name) else {
                return (nil, [Self.unknownPipeline(name, in: snapshot, map: map)])
            }
            guard let pipeline = document.value, !brokenPipelines.contains(name) else {
                return (
                    nil,
                    [
                        map.diagnostic(
                            .error, at: "pipeline", "pipeline '\(name)' (\(document.path)) has errors; fix them first.")
                    ]
                )
            }
            return (pipeline, [])
        }
    }

    private func checkOverrides(_ pipeline: Pipeline) -> [Diagnostic] {
        let graph = StepGraph(steps: pipeline.steps)
        return stepOverrides.sorted { $0.key < $1.key }.flatMap { id, overrides -> [Diagnostic] in
            guard let step = pipeline.step(id) else {
                let hint = Suggestion.closest(to: id, in: graph.ids).map { "did you mean '\($0)'? " } ?? ""
                return [
                    map.diagnostic(
                        .error, at: "steps.\(id)",
                        "pipeline '\(pipeline.name)' has no step '\(id)'; \(hint)Steps: \(graph.ids.joined(separator: ", "))."
                    )
                ]
            }
            guard let kind = StepKind.builtIn[step.uses] else { return [] }
            let checker = InputChecker(kind: kind, step: step, graph: graph, steps: pipeline.steps)
            let with = overrides.with
            return checker.check(with, at: "steps.\(id).with", in: map, requireAll: false)
                + secrets.check(with, at: "steps.\(id).with", in: map) + stockProblems(step, with)
        }
    }

    /// A video's `background: { stock: … }` set in the account's override (it replaces the pipeline's whole).
    private func stockProblems(_ step: PipelineStep, _ with: [String: ConfigValue]) -> [Diagnostic] {
        guard step.uses == "video" else { return [] }
        return StockBackgroundRule.problems(with).map { input, message in
            map.diagnostic(.error, at: "steps.\(step.id).with.\(input)", "step '\(step.id)': \(message)")
        }
    }

    /// Every `{{ vars.NAME }}` the merged pipeline uses must be defined by the account.
    private func checkVars(_ mergedPipeline: Pipeline) -> [Diagnostic] {
        var reported: Set<String> = []
        var found: [Diagnostic] = []
        let named: Bool
        if case .named = account.pipeline { named = true } else { named = false }
        for step in mergedPipeline.steps {
            let asWritten = named && stepOverrides[step.id] == nil
            for name in varUses.names(in: step, ofPipeline: mergedPipeline.name, asWritten: asWritten) {
                guard vars[name] == nil, reported.insert(name).inserted else { continue }
                let at = vars.isEmpty ? "pipeline" : "vars"
                found.append(
                    map.diagnostic(
                        .error, at: at,
                        "step '\(step.id)' of pipeline '\(mergedPipeline.name)' uses {{ vars.\(name) }}, but this account "
                            + "defines no vars.\(name)."))
            }
        }
        return found + varTemplates()
    }

    private func varTemplates() -> [Diagnostic] {
        let checker = TemplateChecker(steps: [:], graph: StepGraph(steps: []))
        return ConfigValue.map(vars).strings(at: "vars").flatMap { path, text -> [Diagnostic] in
            do throws(Template.SyntaxError) {
                return try Template.cached(parsing: text).references.compactMap { reference in
                    if reference.root == "steps" {
                        return map.diagnostic(.error, at: path, "vars cannot use step outputs ('{{ \(reference) }}').")
                    }
                    return checker.problem(with: reference, in: "").map { map.diagnostic(.error, at: path, $0) }
                }
            } catch {
                return [map.diagnostic(.error, at: path, error.description)]
            }
        }
    }

    private func checkYouTube(_ mergedPipeline: Pipeline) -> [Diagnostic] {
        mergedPipeline.steps.filter { $0.uses == "upload.youtube" }.flatMap { step -> [Diagnostic] in
            var found: [Diagnostic] = []
            if account.channel.youtube?.credentials == nil {
                found.append(
                    map.diagnostic(
                        .error, at: "channel",
                        "step '\(step.id)' uploads to YouTube, but channel.youtube.credentials is not set."))
            }
            let privacy = step.with["privacy"]?.stringValue ?? account.channel.youtube?.privacy.rawValue ?? "private"
            if step.with["publish_at"] != nil, privacy != "private", !privacy.containsText("{{") {
                found.append(
                    map.diagnostic(
                        .error, at: "steps.\(step.id).with",
                        "step '\(step.id)' sets publish_at with privacy '\(privacy)'; YouTube schedules only private "
                            + "videos, so set privacy: private."))
            }
            return found
        }
    }

    private func accountSecrets() -> [Diagnostic] {
        var found = secrets.check(vars, at: "vars", in: map)
        if let credentials = account.channel.youtube?.credentials {
            found += secrets.check(credentials, key: "credentials", at: "channel.youtube.credentials", in: map)
        }
        if let apiKey = account.voice.apiKey {
            found += secrets.check(apiKey, key: "api_key", at: "voice.api_key", in: map)
        }
        return found
    }
}
