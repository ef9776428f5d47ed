import ShowrunnerCore

/// `accounts.d/*.yaml`.
extension ConfigSchema {
    static var schedule: SchemaNode {
        .object(
            description: "When the account's pipeline runs.", keys: ScheduleDecoder.keys,
            fields: [
                "cron": .text(
                    description: "Five cron fields: minute hour day-of-month month day-of-week (0 = Sunday)."),
                "timezone": .text(description: "An IANA time zone such as Europe/Berlin (default UTC)."),
                "jitter": .duration(description: "A stable start offset in [0, jitter) from the id (at most 7d)."),
                "catch_up": .object(
                    description: "Fires missed while the daemon was down.", keys: ScheduleDecoder.catchUpKeys,
                    fields: [
                        "window": .duration(description: "How far back missed fires count."),
                        "policy": .choice(
                            description: "Which missed fires run.",
                            values: Schedule.CatchUpPolicy.allCases.map(\.rawValue)),
                    ]),
                "overlap": .choice(
                    description: "A fire while the account's previous run is still going.",
                    values: Schedule.OverlapPolicy.allCases.map(\.rawValue)),
                "pause_after_failures": .integer(
                    description: "Pause the account after this many failed runs in a row (0: never).", range: 0...10_000
                ),
            ], required: ["cron"])
    }

    static var youtube: SchemaNode {
        .object(
            description: "YouTube upload settings.", keys: AccountDecoder.youtubeKeys,
            fields: [
                "credentials": .text(
                    description: "Secret reference to the OAuth credentials, e.g. ${file:secrets/x.json}."),
                "privacy": .choice(
                    description: "Privacy of uploaded videos.", values: YouTubeSettings.Privacy.allCases.map(\.rawValue)
                ),
                "category_id": .text(description: "YouTube category id, e.g. 26."),
                "playlist_id": .text(description: "Playlist that uploads are added to."),
                "made_for_kids": .boolean(description: "Declared made for kids."),
                "synthetic_media": .boolean(description: "Declared as altered or synthetic content."),
                "project": .text(description: "Quota bucket: the Google Cloud project the credentials belong to."),
            ])
    }

    static var voice: SchemaNode {
        .object(
            description: "Text to speech for the account.", keys: AccountDecoder.voiceKeys,
            fields: [
                "provider": .choice(description: "Speech engine.", values: Voice.Provider.allCases.map(\.rawValue)),
                "voice": .text(description: "Voice name (espeak: en-us; openai: alloy…)."),
                "speed": .number(description: "Speaking rate, 1 = normal.", range: 0.25...4),
                "pitch": .integer(description: "espeak pitch.", range: 0...99),
                "model": .text(description: "openai: the TTS model."),
                "base_url": .text(description: "openai: an OpenAI-compatible endpoint."),
                "api_key": .text(description: "openai: secret reference to the API key."),
                "python": .text(description: "piper: the Python interpreter that has piper-tts (default: the venv's)."),
                "run": .list(
                    description: "command: program and arguments; reads text on stdin.",
                    items: .text(description: "An argument.")),
            ])
    }

    static var account: SchemaNode {
        .object(
            description: "A channel: what it is, when it runs and the pipeline it runs.", keys: AccountDecoder.keys,
            fields: [
                "id": .text(
                    description: "Account id (default: the file name).", pattern: "^[a-z0-9][a-z0-9_-]{0,63}$"),
                "name": .text(description: "A display name."),
                "enabled": .boolean(description: "false: validated but never scheduled."),
                "channel": .object(
                    description: "What the channel is.", keys: AccountDecoder.channelKeys,
                    fields: [
                        "type": .text(description: "The channel's kind, e.g. cooking, space, test."),
                        "language": .text(description: "BCP-47 language tag (default en)."),
                        "youtube": youtube,
                    ], required: ["type"]),
                "schedule": schedule,
                "voice": voice,
                "pipeline": .either(
                    description: "A pipeline name from pipelines/, or a pipeline written inline.",
                    [.text(description: "A file name in pipelines/ without .yaml."), pipeline]),
                "notify": notify,
                "runs_on": labels("Cluster nodes that may run this account: those with all these labels."),
                "vars": .map(
                    description: "Values for templates: {{ vars.NAME }}.", values: .any(description: "A value.")),
                "steps": .map(
                    description: "Per-step overrides of the pipeline, by step id.",
                    values: .object(
                        description: "Overrides for one step.", keys: AccountDecoder.overrideKeys,
                        fields: [
                            "with": .map(
                                description: "Inputs merged over the pipeline's.",
                                values: .any(description: "An input value.")),
                            "retry": retry,
                            "timeout": .duration(description: "Longest time one attempt may take."),
                            "optional": .boolean(description: "A failure of this step does not fail the run."),
                        ])),
            ], required: ["channel", "pipeline"])
    }
}
