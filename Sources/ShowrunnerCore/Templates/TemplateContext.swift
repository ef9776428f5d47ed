import Foundation

/// The values templates can reach during a run.
public enum TemplateContext {
    /// `account`, `channel`, `voice`, `vars` (rendered; only `onlyVars` when given), `run` and `steps` (outputs of
    /// succeeded steps).
    public static func make(
        account: Account, run: RunRecord, outputs: [String: [String: ConfigValue]],
        resolveSecret: @escaping SecretReference.Resolver, onlyVars: Set<String>? = nil
    ) throws(StepFailure) -> [String: ConfigValue] {
        let zone = account.schedule?.timeZone ?? TimeZone(identifier: "UTC")!
        let instant = run.scheduledAt ?? run.createdAt
        var voice: [String: ConfigValue] = [
            "provider": .string(account.voice.provider.rawValue), "voice": .string(account.voice.voice),
            "speed": .double(account.voice.speed),
        ]
        voice["pitch"] = account.voice.pitch.map { .int($0) }
        voice["model"] = account.voice.model.map { .string($0) }
        let scheduledAt = RFC3339.format(instant, in: zone)
        var context: [String: ConfigValue] = [
            "account": .map(["id": .string(account.id), "name": .string(account.name)]),
            "channel": .map(["type": .string(account.channel.type), "language": .string(account.channel.language)]),
            "voice": .map(voice),
            "run": .map([
                "id": .string(run.id), "trigger": .string(run.trigger.rawValue),
                "scheduled_at": .string(scheduledAt), "date": .string(String(scheduledAt.prefix(10))),
            ]),
            "steps": .map(outputs.mapValues { .map($0) }),
        ]
        let varsRenderer = TemplateRenderer(context: context, resolveSecret: resolveSecret)
        var vars: [String: ConfigValue] = [:]
        for (name, value) in account.vars where onlyVars?.contains(name) ?? true {
            vars[name] = try varsRenderer.render(value, input: "vars.\(name)").0
        }
        context["vars"] = .map(vars)
        return context
    }
}
