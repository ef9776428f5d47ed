import Testing

@testable import ShowrunnerSteps

struct TitleLayoutTests {
    func fit(_ title: String) -> TitleLayout { TitleLayout.fit(title, width: 1280, height: 720, padding: 72) }

    @Test func aShortTitleGetsTheLargestSize() {
        let layout = fit("Pasta")
        #expect(layout == TitleLayout(fontSize: 120, lines: ["Pasta"]))
    }

    @Test func longerTitlesShrinkAndWrapIntoAtMostFourLines() {
        let medium = fit("Ten minute garlic pasta that tastes like a restaurant")
        let long = fit(
            "The one trick every Italian grandmother knows about cooking pasta that nobody on the internet will "
                + "ever tell you")
        #expect(medium.fontSize < 120 && medium.lines.count <= 4)
        #expect(long.fontSize < medium.fontSize && long.lines.count <= 4)
        for layout in [medium, long] {
            let perLine = TitleLayout.charactersPerLine(1280 - 144, fontSize: layout.fontSize)
            #expect(layout.lines.allSatisfy { $0.count <= perLine })
            #expect(layout.lines.count * layout.lineHeight <= 720 - 144)
        }
    }

    @Test func aTitleTooLongForFourLinesEndsWithAnEllipsis() {
        let layout = fit(String(repeating: "very long words ", count: 40))
        #expect(layout.fontSize == TitleLayout.sizes.last)
        #expect(layout.lines.count == 4)
        #expect(layout.lines.last?.hasSuffix("…") == true)
    }

    @Test func theLinesAreCentredVertically() {
        let layout = TitleLayout(fontSize: 100, lines: ["one", "two"])
        let baselines = layout.baselines(canvasHeight: 720)
        #expect(baselines.count == 2)
        #expect(baselines[1] - baselines[0] == layout.lineHeight)
        let top = baselines[0] - 93
        let bottom = baselines[1] + 23
        #expect(abs((720 - bottom) - top) <= 4)
    }
}
