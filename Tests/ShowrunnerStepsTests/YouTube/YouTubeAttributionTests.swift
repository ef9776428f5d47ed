import Testing

@testable import ShowrunnerSteps

/// The video step's stock footage credits go below the description YouTube gets, without `<` and `>`.
struct YouTubeAttributionTests {
    static let credits = "Footage:\nVideo by Ana <Lava> on Pexels (Pexels License): https://www.pexels.com/video/1/"
    static let cleaned = "Footage:\nVideo by Ana Lava on Pexels (Pexels License): https://www.pexels.com/video/1/"

    @Test(arguments: [
        ("About lava.", credits, "About lava.\n\n" + cleaned),
        ("", credits, cleaned),
        ("About lava.", "", "About lava."),
    ])
    func creditsFollowTheDescription(description: String, attribution: String, expected: String) {
        #expect(YouTubeMetadata.withAttribution(description, attribution) == expected)
    }
}
