/// The filters that turn one input into one scene of exactly `length` seconds at the frame's size: a colour as
/// it is; a still scaled and cropped once, held in memory, then moved (a zoom in, a pan to the right, a pan to the
/// left, by `variant`); a clip set to the frame rate, scaled and cropped, looped by its input and trimmed.
enum SceneFilters {
    /// How far a still zooms in over its scene, and the margin a pan moves across.
    static let zoom = 0.12

    static func chain(_ source: ScenePart.Source, length: Double, frame: Frame, variant: Int, fps: Int) -> [String] {
        let (width, height) = (frame.width, frame.height)
        let seconds = format(length)
        let cut = ["trim=duration=\(seconds)", "setpts=PTS-STARTPTS"]
        switch source {
        case .color: return ["setsar=1", "format=yuv420p"] + cut
        case .clip: return fill(frame, fps: fps) + cut
        case .still:
            let panning = variant % 3 != 0
            let base = panning ? frame.scaled(1 + zoom) : frame
            let hold = [
                "scale=\(base.width):\(base.height):force_original_aspect_ratio=increase",
                "crop=\(base.width):\(base.height)", "setsar=1", "format=yuv420p", "loop=loop=-1:size=1:start=0",
                "fps=\(fps)",
            ]
            guard panning else {
                let zoomed = "trunc(\(width)*(1+\(zoom)*t/\(seconds))/2)*2"
                return hold + cut + [
                    "scale=w='\(zoomed)':h=-2:eval=frame:flags=bilinear", "crop=\(width):\(height)", "setsar=1",
                ]
            }
            let progress = variant % 3 == 1 ? "t/\(seconds)" : "(1-t/\(seconds))"
            return hold + cut + ["crop=\(width):\(height):x='(iw-ow)*\(progress)':y='(ih-oh)/2'"]
        }
    }

    /// A moving picture at the frame rate, scaled (bilinear: every frame is scaled) and cropped to fill the frame.
    static func fill(_ frame: Frame, fps: Int) -> [String] {
        [
            "fps=\(fps)", "scale=\(frame.width):\(frame.height):force_original_aspect_ratio=increase:flags=bilinear",
            "crop=\(frame.width):\(frame.height)", "setsar=1", "format=yuv420p",
        ]
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f", max(seconds, 0.001)) }
}
