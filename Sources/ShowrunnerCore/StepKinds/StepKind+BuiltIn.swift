extension StepKind {
    /// The built-in kinds of SPEC §5.1, by `uses:` name.
    public static let builtIn: [String: StepKind] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })

    static let all: [StepKind] = [
        StepKind(
            "topic.list", inputs: [Input("items"), Input("file"), Input("order"), Input("on_exhausted")],
            outputs: ["title", "script", "scenes"],
            requiresOneOf: ["items", "file"]),
        StepKind(
            "topic.llm",
            inputs: [
                Input("prompt"), Input("model"), Input("avoid_recent"), Input("temperature"), Input("request_timeout"),
            ],
            outputs: ["title", "angle"]),
        StepKind(
            "script.template",
            inputs: [
                Input("title", required: true, from: "title"), Input("text"), Input("description"), Input("tags"),
                Input("script", from: "script"), Input("scenes", from: "scenes"),
            ],
            outputs: ["title", "description", "tags", "text", "scenes"]),
        StepKind(
            "script.llm",
            inputs: [
                Input("topic", required: true, from: "title"), Input("angle", from: "angle"), Input("prompt"),
                Input("words"), Input("model"), Input("temperature"), Input("request_timeout"),
            ],
            outputs: ["title", "description", "tags", "text", "scenes"]),
        StepKind(
            "tts", inputs: [Input("text", required: true, from: "text")],
            outputs: ["audio", "duration_s", "sentences"]),
        StepKind(
            "subtitles",
            inputs: [
                Input("text", required: true, from: "text"), Input("duration_s", required: true, from: "duration_s"),
                Input("sentences", from: "sentences"), Input("style"), Input("format"),
            ] + captionInputs,
            outputs: ["srt", "ass"]),
        StepKind(
            "thumbnail",
            inputs: [Input("title", required: true, from: "title"), Input("background"), Input("text_color")],
            outputs: ["image"]),
        StepKind(
            "video",
            inputs: [
                Input("audio", required: true, from: "audio"), Input("subtitles", from: "srt"),
                Input("ass", from: "ass"),
                Input("background"), Input("format"), Input("text", from: "text"),
                Input("sentences", from: "sentences"),
                Input("music"), Input("music_volume"), Input("transition"), Input("intro"), Input("outro"),
                Input("logo"), Input("script_scenes", from: "scenes"),
            ],
            outputs: ["video", "duration_s", "scenes", "media", "music", "still", "credits", "attribution"]),
        StepKind(
            "upload.youtube",
            inputs: metadataInputs + [
                Input("privacy"), Input("publish_at"), Input("playlist_id"), Input("category_id"),
                Input("made_for_kids"), Input("synthetic_media"), Input("chunk_size"), Input("captions"),
                Input("srt", from: "srt"), Input("caption_language"), Input("caption_name"),
                Input("attribution", from: "attribution"),
            ],
            outputs: ["video_id", "url"], hasSideEffects: true),
        StepKind(
            "upload.local", inputs: metadataInputs + [Input("dir")], outputs: ["path"], hasSideEffects: true),
        StepKind(
            "command", inputs: [Input("run", required: true), Input("env"), Input("workdir"), Input("stdin")],
            outputs: ["stdout"],
            acceptsAnyOutput: true),
        StepKind(
            "http",
            inputs: [
                Input("url", required: true), Input("method"), Input("headers"), Input("body"), Input("expect_status"),
            ],
            outputs: ["status", "body", "json"]),
    ]

    /// The look of `style: words` captions, per account through `steps: subtitles: with:`.
    private static let captionInputs = [
        "font", "font_size", "color", "highlight_color", "outline_color", "outline", "position", "margin",
        "words_per_line",
    ].map { Input($0) }

    private static let metadataInputs = [
        Input("video", required: true, from: "video"), Input("thumbnail", from: "image"),
        Input("title", required: true, from: "title"), Input("description", from: "description"),
        Input("tags", from: "tags"),
    ]
}
