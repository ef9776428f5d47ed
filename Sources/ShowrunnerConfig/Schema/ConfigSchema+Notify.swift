import ShowrunnerCore

/// `notify:` in showrunner.yaml and in an account.
extension ConfigSchema {
    static var notify: SchemaNode {
        .list(
            description: "Where alerts go: webhooks in a generic signed JSON form, Slack or Discord.",
            items: .object(
                description: "One receiver.", keys: NodeReader.notifyKeys,
                fields: [
                    "name": .text(
                        description:
                            "The receiver's name (default: derived from format and url). A pending alert is resent "
                            + "after a restart to the receiver of this name, wherever its url points then."),
                    "url": .text(description: "The webhook URL, or a secret reference such as ${env:SLACK_WEBHOOK}."),
                    "format": .choice(
                        description: "json (signed with HMAC-SHA256 when secret is set), slack or discord.",
                        values: AlertTarget.Format.allCases.map(\.rawValue)),
                    "secret": .text(description: "json: secret reference to the HMAC-SHA256 key."),
                    "events": .list(
                        description: "The events this receiver wants (default: all).",
                        items: .choice(description: "An event.", values: AlertEvent.allCases.map(\.rawValue))),
                ], required: ["url"]))
    }
}
