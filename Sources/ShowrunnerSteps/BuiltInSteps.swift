import Logging
import ShowrunnerCore

/// The step kinds this module implements, by their `uses:` name.
public enum BuiltInSteps {
    /// `topic.list`, `script.template`, `command`, `http` and `upload.local`. `http` sends through `httpClient`;
    /// `command` gives its processes `commandGrace` between SIGTERM and SIGKILL when cancelled, and logs its
    /// start and end at debug level to `logger`, when given.
    public static func registry(
        httpClient: HTTPClient = HTTPClient(), commandGrace: Duration = .seconds(5), logger: Logger? = nil
    ) -> [String: any Step] {
        [
            "topic.list": TopicListStep(),
            "script.template": ScriptTemplateStep(),
            "command": CommandStep(grace: commandGrace, logger: logger),
            "http": HTTPStep(client: httpClient),
            "upload.local": UploadLocalStep(),
        ]
    }
}
