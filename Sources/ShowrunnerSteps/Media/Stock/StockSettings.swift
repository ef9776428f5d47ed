import Foundation
import ShowrunnerCore

/// `background: { stock: pexels|pixabay, api_key, base_url, library, color }`: where scenes search for footage,
/// and what fills a scene the search leaves empty (a clip or still from `library`, else `color`).
struct StockSettings: Sendable, Equatable {
    static let defaultColor = "#14213d"

    var provider: StockProvider
    /// Resolved by the engine from a secret reference; never logged.
    var apiKey: String
    var baseURL: URL
    var library: URL?
    var color: String

    static func parse(_ fields: [String: ConfigValue], resolve: (String) -> URL) throws(StepFailure) -> StockSettings {
        let name = fields["stock"]?.stringValue?.trimmingSpaces().lowercased() ?? ""
        guard let provider = StockProvider(rawValue: name) else {
            throw StepFailure(
                .permanent, "input 'background': stock provider '\(name)' is unknown; use pexels or pixabay.")
        }
        guard let key = fields["api_key"]?.stringValue?.trimmingSpaces(), !key.isEmpty else {
            throw StepFailure(
                .permanent,
                "input 'background': stock: \(name) needs api_key, a secret reference such as "
                    + "\"${env:\(name.uppercased())_API_KEY}\".")
        }
        let base = fields["base_url"]?.stringValue?.trimmingSpaces() ?? provider.defaultBaseURL
        guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
            throw StepFailure(.permanent, "input 'background': base_url must be an http(s) URL, found '\(base)'.")
        }
        let folder = fields["library"]?.stringValue?.trimmingSpaces() ?? ""
        let library = folder.isEmpty ? nil : resolve(folder)
        let colorText = fields["color"]?.stringValue?.trimmingSpaces() ?? defaultColor
        guard let color = MediaColor.parse(colorText) else {
            throw StepFailure(.permanent, "input 'background': color '\(colorText)' is not a colour.")
        }
        return StockSettings(provider: provider, apiKey: key, baseURL: url, library: library, color: color)
    }
}
