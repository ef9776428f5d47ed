import Foundation
import Testing

@testable import ShowrunnerSteps

struct RecipeTests {
    @Test func aThumbnailDrawsEachLineCentredFromItsFile() {
        let recipe = ThumbnailRecipe(
            background: .image(URL(fileURLWithPath: "/config/bg.jpg")),
            layout: TitleLayout(fontSize: 100, lines: ["Ten minute", "pasta"]), textColor: "white",
            fontFile: "/fonts/Bold.ttf", lineFiles: ["title-1.txt", "title-2.txt"], output: "thumbnail.png")
        let graph = recipe.filterGraph
        #expect(graph.hasPrefix("[0:v]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,setsar=1,"))
        #expect(graph.contains("drawtext=fontfile=/fonts/Bold.ttf:textfile=title-1.txt:expansion=none:fontsize=100"))
        #expect(graph.contains(":x=(w-text_w)/2:y=335-max_glyph_a"))
        #expect(graph.contains("textfile=title-2.txt") && graph.contains("y=455-max_glyph_a"))
        #expect(recipe.arguments.suffix(6) == ["[v]", "-frames:v", "1", "-update", "1", "thumbnail.png"])
    }

    @Test func aVideoThumbnailPicksTheMostTypicalKeyFrame() {
        let recipe = ThumbnailRecipe(
            background: .video(URL(fileURLWithPath: "/state/video.mp4")),
            layout: TitleLayout(fontSize: 100, lines: ["Lava"]), textColor: "white", fontFile: "/fonts/Bold.ttf",
            lineFiles: ["title-1.txt"], output: "thumbnail.png")
        #expect(
            recipe.arguments.prefix(8).joined(separator: " ").hasSuffix("-skip_frame nokey -i file:/state/video.mp4"))
        #expect(recipe.filterGraph.hasPrefix("[0:v]thumbnail=n=24,scale=1280:720:force_original_aspect_ratio=increase"))
    }
}
