import Foundation
import ShowrunnerCore

/// A channel's BCP-47 language tag as an English name a model understands (`pt-BR` → "Portuguese (Brazil)").
enum PromptLanguage {
    static func name(of tag: String) -> String {
        let trimmed = tag.trimmingWhitespace()
        guard !trimmed.isEmpty else { return "English" }
        let identifier = trimmed.replacingOccurrences(of: "_", with: "-")
        if let name = Locale(identifier: "en").localizedString(forIdentifier: identifier), name != identifier {
            return name
        }
        return "the language with the BCP-47 tag '\(trimmed)'"
    }
}
