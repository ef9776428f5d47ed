import Foundation

/// JSON Schemas (draft 2020-12) of the config files for editors (yaml-language-server), built from the decoders'
/// own key lists: `showrunner schema` prints them.
public enum ConfigSchema {
    public enum Kind: String, Sendable, CaseIterable {
        case account, pipeline, settings
    }

    static func root(_ kind: Kind) -> SchemaNode {
        switch kind {
        case .account: account
        case .pipeline: pipeline
        case .settings: settings
        }
    }

    /// Paths where the schema and the decoder disagree; empty when they are in step.
    public static func mismatches(_ kind: Kind) -> [String] { root(kind).mismatches() }

    /// The schema document as pretty-printed JSON with sorted keys.
    public static func json(_ kind: Kind) -> String {
        var document = root(kind).json
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["title"] = title(kind)
        let data = try? JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func title(_ kind: Kind) -> String {
        switch kind {
        case .account: "Showrunner account (accounts.d/*.yaml)"
        case .pipeline: "Showrunner pipeline (pipelines/*.yaml)"
        case .settings: "Showrunner settings (showrunner.yaml)"
        }
    }
}
