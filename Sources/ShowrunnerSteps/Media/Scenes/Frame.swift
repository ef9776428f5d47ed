/// The size of the video's frame in pixels.
struct Frame: Sendable, Equatable {
    var width: Int
    var height: Int

    var size: String { "\(width)x\(height)" }

    /// `factor` times the frame, rounded to even numbers (what yuv420p needs).
    func scaled(_ factor: Double) -> Frame {
        Frame(width: Self.even(Double(width) * factor), height: Self.even(Double(height) * factor))
    }

    static func even(_ value: Double) -> Int { max(2, Int((value / 2).rounded()) * 2) }
}
