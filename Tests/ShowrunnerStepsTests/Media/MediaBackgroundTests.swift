import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct MediaBackgroundTests {
    @Test(arguments: [
        ("#1D3557", "0x1d3557"), ("0x1d3557", "0x1d3557"), ("#11223344", "0x11223344"), ("Navy", "navy"),
        ("black@0.5", "black@0.5"), ("  tomato ", "tomato"),
    ])
    func colours(_ text: String, _ expected: String) {
        #expect(MediaColor.parse(text) == expected)
    }

    @Test(arguments: ["#12345", "#zzzzzz", "navyy", "black@2", "", "@0.5"])
    func notColours(_ text: String) {
        #expect(MediaColor.parse(text) == nil)
    }

    private func parse(_ text: String, existing: Set<String> = []) throws(StepFailure) -> MediaBackground {
        try MediaBackground.parse(
            text, input: "background", resolve: { URL(fileURLWithPath: "/config/" + $0) },
            fileExists: { existing.contains($0) })
    }

    @Test func filesAreImagesOrVideosByExtension() throws {
        let existing: Set = ["/config/bg/kitchen.JPG", "/config/bg/loop.mp4"]
        #expect(
            try parse("bg/kitchen.JPG", existing: existing) == .image(URL(fileURLWithPath: "/config/bg/kitchen.JPG")))
        #expect(try parse("bg/loop.mp4", existing: existing) == .video(URL(fileURLWithPath: "/config/bg/loop.mp4")))
        #expect(try parse("#000000") == .color("0x000000"))
    }

    @Test func aMissingFileOrAnUnknownColourIsAPermanentFailure() {
        #expect(
            throws: StepFailure(
                .permanent, "input 'background': the background file /config/bg/none.png does not exist.")
        ) {
            try parse("bg/none.png")
        }
        #expect(
            throws: StepFailure(
                .permanent, "input 'background': 'navyy' is neither a colour (#rrggbb or a name like navy) nor a file.")
        ) { try parse("navyy") }
    }

    @Test(arguments: [
        ("/usr/share/fonts/a.ttf", "/usr/share/fonts/a.ttf"),
        ("C:/fonts/a,b.ttf", "C\\\\:/fonts/a\\,b.ttf"),
        ("it's", "it\\\\\\'s"),
        ("[x];y", "\\[x\\]\\;y"),
    ])
    func filterValuesAreEscapedForBothLevels(_ text: String, _ expected: String) {
        #expect(FilterEscaping.value(text) == expected)
    }
}
