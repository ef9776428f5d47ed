import Logging
import ShowrunnerCore

/// The step kinds this module implements, by their `uses:` name.
public enum BuiltInSteps {
    /// `topic.list`, `script.template`, `command`, `http`, `upload.local`, and the media kinds `tts`, `subtitles`,
    /// `thumbnail` and `video`; the kinds that start processes run in an `AttemptProcessScope`. `http` and the
    /// OpenAI-compatible voices send through `httpClient`; `command` and
    /// the media programs (espeak-ng, ffmpeg, a voice command) get `commandGrace` between SIGTERM and SIGKILL when
    /// cancelled; `command` logs its start and end at debug level to `logger`, when given. `tts` resolves the
    /// voice's `api_key` with `resolveSecret` (nil: from the environment and files under the config folder).
    public static func standardSteps(
        httpClient: HTTPClient = HTTPClient(), commandGrace: Duration = .seconds(5), logger: Logger? = nil,
        resolveSecret: SecretReference.Resolver? = nil
    ) -> [String: any Step] {
        [
            "topic.list": TopicListStep(),
            "script.template": ScriptTemplateStep(),
            "command": AttemptProcessScope(step: CommandStep(grace: commandGrace, logger: logger)),
            "http": HTTPStep(client: httpClient),
            "upload.local": UploadLocalStep(),
            "tts": AttemptProcessScope(
                step: TTSStep(httpClient: httpClient, grace: commandGrace, resolveSecret: resolveSecret)),
            "subtitles": SubtitlesStep(),
            "thumbnail": AttemptProcessScope(step: ThumbnailStep(grace: commandGrace)),
            "video": AttemptProcessScope(step: VideoStep(grace: commandGrace, http: httpClient)),
        ]
    }
}
