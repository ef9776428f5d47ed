/// The video shapes and how their burned-in subtitles look. Sizes are in the video's pixels (the `.ass` file
/// sets PlayResX/PlayResY to the frame, so they are not relative to libass's default 288-line canvas).
public enum VideoFormat: String, Sendable, CaseIterable {
    /// 1080×1920, for YouTube Shorts.
    case short
    /// 1920×1080.
    case landscape
    /// 1080×1080.
    case square

    public var width: Int { self == .landscape ? 1920 : 1080 }
    public var height: Int { self == .short ? 1920 : 1080 }

    var captions: CaptionStyle {
        switch self {
        // Large type in lines of 24 characters, above the bottom fifth where the Shorts player puts its buttons.
        case .short:
            CaptionStyle(
                fontSize: 72, outline: 5, shadow: 2, marginSide: 80, marginBottom: 520,
                limits: CueLimits(lineWidth: 24, lines: 2))
        case .landscape:
            CaptionStyle(
                fontSize: 60, outline: 4, shadow: 2, marginSide: 160, marginBottom: 80, limits: .standard)
        case .square:
            CaptionStyle(
                fontSize: 60, outline: 4, shadow: 2, marginSide: 80, marginBottom: 120,
                limits: CueLimits(lineWidth: 30, lines: 2))
        }
    }
}

/// The look of burned-in subtitles: white bold text with a black outline and a soft shadow, centred at the bottom.
struct CaptionStyle: Sendable, Equatable {
    var fontSize: Int
    var outline: Int
    var shadow: Int
    var marginSide: Int
    var marginBottom: Int
    /// Cues are re-fitted to these limits (narrower than an SRT's 42 characters on a vertical video).
    var limits: CueLimits
}
