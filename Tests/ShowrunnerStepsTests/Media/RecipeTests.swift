import Foundation
import Testing

@testable import ShowrunnerSteps

struct RecipeTests {
    let audio = URL(fileURLWithPath: "/state/voice.wav")

    private func recipe(_ background: MediaBackground, _ format: VideoFormat = .short) -> VideoRecipe {
        VideoRecipe(
            format: format, background: background, audio: audio, subtitles: "subtitles.ass", duration: 12.3456,
            threads: 1, output: "video.mp4")
    }

    @Test func aColourBackgroundIsALavfiSourceOfTheFrameSize() {
        let arguments = recipe(.color("0x14213d")).arguments
        #expect(arguments.contains("color=c=0x14213d:s=1080x1920:r=30"))
        #expect(recipe(.color("navy"), .landscape).arguments.contains("color=c=navy:s=1920x1080:r=30"))
        #expect(
            recipe(.color("navy")).filterGraph == "[0:v]setsar=1,subtitles=filename=subtitles.ass,format=yuv420p[v]")
    }

    @Test func theOutputIsH264AACFaststartCutToTheAudio() {
        let arguments = recipe(.color("black")).arguments.joined(separator: " ")
        #expect(arguments.contains("-c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -r 30 -threads 1"))
        #expect(arguments.contains("-c:a aac -b:a 128k -ar 44100 -movflags +faststart -t 12.346 video.mp4"))
        #expect(arguments.contains("-i file:/state/voice.wav"))
        #expect(arguments.contains("-map [v] -map 1:a:0"))
        #expect(arguments.hasPrefix("-v error -nostdin -stats -y -filter_threads 1"))
    }

    @Test func anImageIsFilledOnceThenZoomedPerFrame() {
        let image = recipe(.image(URL(fileURLWithPath: "/config/bg.png")))
        #expect(image.arguments.contains("file:/config/bg.png"))
        #expect(!image.arguments.contains("-loop"))
        #expect(
            image.filterGraph.hasPrefix(
                "[0:v]scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,setsar=1,format=yuv420p,"
                    + "loop=loop=-1:size=1:start=0,fps=30,scale=w='trunc(1080*(1+0.08*t/12.346)/2)*2':h=-2"))
    }

    @Test func aVideoIsLoopedAndFilled() {
        let video = recipe(.video(URL(fileURLWithPath: "/config/loop.mp4")), .landscape)
        #expect(video.arguments.joined(separator: " ").contains("-threads 1 -stream_loop -1 -i file:/config/loop.mp4"))
        #expect(
            video.filterGraph
                == "[0:v]fps=30,scale=1920:1080:force_original_aspect_ratio=increase:flags=bilinear,crop=1920:1080,"
                + "setsar=1,subtitles=filename=subtitles.ass,format=yuv420p[v]")
    }

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
}
