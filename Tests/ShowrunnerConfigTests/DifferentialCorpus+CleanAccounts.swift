extension DifferentialCorpus.Generator {
    /// An account file that is mostly valid, in varied YAML: its blocks in any order, block and flow style, quoted
    /// and plain scalars, nested `vars:`, optional keys left out. Some values still come from `values` (an alias,
    /// an anchor, a tag), so some files are left to the node tree. For the event decoder's differential test.
    mutating func cleanAccount() -> String {
        let schedule = [
            "schedule:", "  cron: \(pick(["\"0 9 * * *\"", "'*/5 * * * *'", "0 9 * * MON-FRI", "\"@daily\""]))",
            pick(["", "  timezone: Europe/Berlin", "  timezone: \"UTC\""]), pick(["", "  jitter: 30s", "  jitter: 0"]),
            pick(["", "  catch_up: { window: 6h, policy: all }", "  catch_up:\n    window: 1h\n    policy: latest"]),
            pick(["", "  overlap: skip", "  overlap: 'queue'"]), pick(["", "  pause_after_failures: 3"]),
        ]
        var blocks = [
            pick(["", "id: acc-\(int(50))", "id: 'acc_\(int(9))'"]),
            pick(["", "name: Cooking", "name: 'It''s'", "name: \"Tab\\there\"", "name: Daily 12", "name: 12"]),
            pick(["", "enabled: true", "enabled: no", "enabled: On"]),
            pick([
                "channel: { type: cooking }", "channel:\n  type: \"fun facts\"\n  language: pt-BR",
                "channel: {type: news, language: de, youtube: {privacy: unlisted, category_id: 26}}",
            ]),
            schedule.filter { !$0.isEmpty }.joined(separator: "\n"),
            pick([
                "", "voice: { provider: espeak, speed: 1.2 }", "voice:\n  provider: piper\n  voice: en_US-joe-medium",
                "voice: { provider: command, run: [say, -v, x] }", "voice: { provider: espeak, pitch: 40 }",
            ]),
            pick(["pipeline: shorts", "pipeline: 'landscape'", "pipeline: { steps: [ { id: a, uses: tts } ] }"]),
            pick([
                "", "vars: {}",
                "vars:\n  topic: \(pick(Self.values))\n  n: \(pick(["12", "1.5", "~", "true", "'12'", "0755", "-0", "1e3"]))"
                    + "\n  list: [a, 2, { b: c }]\n  deep: { x: { y: [1, [2]] } }\n  \"quoted key\": yes",
            ]),
            pick([
                "",
                "steps:\n  upload:\n    with: { dir: out }\n    retry: { attempts: 3, delay: 30s, on: [transient, timeout] }",
                "steps:\n  voice: { optional: true, timeout: 5m }\n  topic: { with: { on_exhausted: repeat, n: [1, 2] } }",
            ]),
            pick(["", "notify: [{ url: \"http://127.0.0.1:9/hook\", format: slack }]"]),
            pick(["", "runs_on: [gpu, eu-west]"]),
        ]
        for index in blocks.indices.reversed() { blocks.swapAt(index, int(index + 1)) }
        return blocks.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }
}
