import Foundation
import ShowrunnerCore

/// `thumbnail`: a 1280×720 PNG with the title in large bold type over `background` (a colour such as `#1d3557`
/// or `navy`, an image scaled and cropped to fill, or a video — the rendered one — whose best frame is used;
/// default `#1d3557`), in `text_color` (default white).
/// Output `image` (the PNG's path).
public struct ThumbnailStep: Step {
    static let defaultBackground = "#1d3557"

    let tool: MediaTool

    /// `grace`: how long ffmpeg has between SIGTERM and SIGKILL when the step is cancelled.
    public init(grace: Duration = .seconds(5)) {
        tool = MediaTool(grace: grace)
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        let title = try context.requiredString("title").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let background = try MediaBackground.parse(
            try context.trimmedString("background") ?? Self.defaultBackground, input: "background",
            resolve: context.path)
        let textColor = try Self.textColor(context)
        let workspace = try AttemptWorkspace.open(context)
        let layout = TitleLayout.fit(
            title, width: ThumbnailRecipe.width, height: ThumbnailRecipe.height, padding: ThumbnailRecipe.padding)
        let (image, _) = try await workspace.produce("thumbnail.png") { folder in
            var lineFiles: [String] = []
            for (index, line) in layout.lines.enumerated() {
                let name = "title-\(index + 1).txt"
                try OutputFolder.write(line, to: folder.appendingPathComponent(name))
                lineFiles.append(name)
            }
            let recipe = ThumbnailRecipe(
                background: background, layout: layout, textColor: textColor,
                fontFile: try await FontLocator.boldSans(using: tool, in: folder), lineFiles: lineFiles,
                output: "thumbnail.png")
            _ = try await tool.run("ffmpeg", recipe.arguments, in: folder)
            try await MediaCheck(tool: tool).verifyImage(
                folder.appendingPathComponent(recipe.output), what: "thumbnail")
        }
        return StepResult(outputs: ["image": .string(image.path)], artifacts: [image.path])
    }

    private static func textColor(_ context: StepContext) throws(StepFailure) -> String {
        let text = try context.trimmedString("text_color") ?? "white"
        guard let color = MediaColor.parse(text) else {
            throw StepFailure(
                .permanent, "input 'text_color': '\(text)' is not a colour (#rrggbb or a name like white).")
        }
        return color
    }
}
