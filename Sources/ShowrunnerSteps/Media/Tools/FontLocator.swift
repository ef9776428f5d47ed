import Foundation
import ShowrunnerCore

/// The bold sans-serif font that thumbnails and subtitles are drawn with: DejaVu Sans Bold from Debian's
/// `fonts-dejavu-core`, found through fontconfig, or at its usual path when `fc-match` is not installed.
enum FontLocator {
    /// The family subtitles name (libass finds it through fontconfig).
    static let family = "DejaVu Sans"
    static let pattern = "DejaVu Sans:bold"
    static let fallbackPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    static let package = "fonts-dejavu-core"

    /// `fc-match -f %{file}` for the pattern when it names an existing file, else the fallback path when it
    /// exists, else nil.
    static func boldSans(
        fcMatch: () async -> String?, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) async -> String? {
        if let matched = await fcMatch()?.trimmingSpaces(), !matched.isEmpty, fileExists(matched) { return matched }
        return fileExists(fallbackPath) ? fallbackPath : nil
    }

    /// The font file, using `fc-match` through `tool`; a permanent failure when there is none.
    static func boldSans(using tool: MediaTool, in folder: URL) async throws(StepFailure) -> String {
        let path = await boldSans(fcMatch: { await tool.output("fc-match", ["-f", "%{file}", pattern], in: folder) })
        guard let path else {
            throw StepFailure(.permanent, "no font for the text; install it with: apt-get install \(package).")
        }
        return path
    }
}
