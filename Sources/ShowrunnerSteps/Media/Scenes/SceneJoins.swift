/// Scenes `[s0]…[sN-1]` joined into `[main]`, with a crossfade centred on each cut rendered only where two scenes
/// overlap: each scene is split on frames into its head (the fade in from the scene before), its body and its tail
/// (the fade out into the next), each tail and the next head are blended by `xfade`, and the pieces are
/// concatenated. ffmpeg 5.1's `xfade` takes only full-chroma formats, so a chain of `xfade`s over whole scenes
/// converted every frame to yuv444p and back (half of the scene filters' CPU on the bench's short); this way only
/// the crossfades' frames are converted.
enum SceneJoins {
    /// The chains, the crossfade into scene `i` starting `offset(i)` seconds into the joined output; one `concat`
    /// (hard cuts) without a crossfade.
    static func chains(count: Int, fade: Double, fps: Int, offset: (Int) -> Double) -> [String] {
        guard count > 1 else { return ["[s0]null[main]"] }
        let fadeFrames = frames(fade, fps: fps)
        guard fadeFrames > 0 else {
            return [(0..<count).map { "[s\($0)]" }.joined() + "concat=n=\(count):v=1:a=0[main]"]
        }
        let starts = [0] + (1..<count).map { frames(offset($0), fps: fps) }
        var chains: [String] = []
        var joined: [String] = []
        for index in 0..<count {
            let next = index + 1 < count ? starts[index + 1] - starts[index] : nil
            let pieces = pieces(of: index, fadeFrames: fadeFrames, nextAt: next)
            chains += split(index, pieces)
            if pieces.contains(where: { $0.label == "b\(index)" }) { joined.append("[b\(index)]") }
            guard next != nil else { continue }
            let seconds = SceneFilters.format(Double(fadeFrames) / Double(fps))
            chains.append(
                "[t\(index)][h\(index + 1)]xfade=transition=fade:duration=\(seconds):offset=0,format=yuv420p[f\(index)]"
            )
            joined.append("[f\(index)]")
        }
        chains.append(joined.joined() + "concat=n=\(joined.count):v=1:a=0[main]")
        return chains
    }

    /// Seconds a scene's input runs for a join: one frame more than its share when a tail is cut from it, so that
    /// rounding to frames never leaves the tail a frame short (the pieces are cut on frames; the spare one is
    /// dropped).
    static func inputLength(_ length: Double, hasNext: Bool, fade: Double, fps: Int) -> Double {
        hasNext && frames(fade, fps: fps) > 0 ? length + 1 / Double(fps) : length
    }

    /// A piece of a scene: frames `[from, to)` of it (`to` nil: to its end), labelled `[label]`.
    struct Piece: Equatable {
        var label: String
        var from: Int
        var to: Int?
    }

    /// Scene `index`'s head (when a scene comes before), body (when any frame is left) and tail (when a scene
    /// comes after, whose fade begins `nextAt` frames into this one).
    static func pieces(of index: Int, fadeFrames: Int, nextAt: Int?) -> [Piece] {
        var pieces: [Piece] = []
        if index > 0 { pieces.append(Piece(label: "h\(index)", from: 0, to: fadeFrames)) }
        let bodyStart = index > 0 ? fadeFrames : 0
        if nextAt.map({ $0 > bodyStart }) ?? true {
            pieces.append(Piece(label: "b\(index)", from: bodyStart, to: nextAt))
        }
        if let nextAt { pieces.append(Piece(label: "t\(index)", from: nextAt, to: nextAt + fadeFrames)) }
        return pieces
    }

    private static func split(_ index: Int, _ pieces: [Piece]) -> [String] {
        let trims = pieces.map { piece in
            let end = piece.to.map { ":end_frame=\($0)" } ?? ""
            return "trim=start_frame=\(piece.from)\(end),setpts=PTS-STARTPTS[\(piece.label)]"
        }
        guard pieces.count > 1 else { return trims.map { "[s\(index)]" + $0 } }
        let outputs = pieces.map { "[s\(index)\($0.label)]" }
        return ["[s\(index)]split=\(pieces.count)" + outputs.joined()]
            + zip(outputs, trims).map { output, trim in output + trim }
    }

    /// The first frame at or after `seconds` (as `trim` and `xfade` count them, ignoring float noise).
    static func frames(_ seconds: Double, fps: Int) -> Int { Int((seconds * Double(fps) - 1e-6).rounded(.up)) }
}
