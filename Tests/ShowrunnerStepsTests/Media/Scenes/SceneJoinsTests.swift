import Testing

@testable import ShowrunnerSteps

/// How a scene is cut into the pieces that the crossfades join (pure: frames in, pieces out).
struct SceneJoinsTests {
    typealias Piece = SceneJoins.Piece

    @Test(
        arguments: [
            // First scene: its body, then the tail the next scene fades in over.
            (0, 9, 90, [Piece(label: "b0", from: 0, to: 90), Piece(label: "t0", from: 90, to: 99)]),
            // A middle scene: head, body, tail.
            (
                3, 9, 120,
                [
                    Piece(label: "h3", from: 0, to: 9), Piece(label: "b3", from: 9, to: 120),
                    Piece(label: "t3", from: 120, to: 129),
                ]
            ),
            // The last scene: its head, then its body to the end of the input.
            (5, 9, nil, [Piece(label: "h5", from: 0, to: 9), Piece(label: "b5", from: 9, to: nil)]),
            // A scene no longer than its two fades keeps no body; its head and tail may share a frame.
            (2, 9, 8, [Piece(label: "h2", from: 0, to: 9), Piece(label: "t2", from: 8, to: 17)]),
        ] as [(Int, Int, Int?, [Piece])])
    func piecesOfAScene(index: Int, fadeFrames: Int, nextAt: Int?, expected: [Piece]) {
        #expect(SceneJoins.pieces(of: index, fadeFrames: fadeFrames, nextAt: nextAt) == expected)
    }

    @Test func noFadeIsAHardCut() {
        #expect(SceneJoins.chains(count: 3, fade: 0, fps: 30) { _ in 0 } == ["[s0][s1][s2]concat=n=3:v=1:a=0[main]"])
    }

    @Test func oneSceneIsPassedThrough() {
        #expect(SceneJoins.chains(count: 1, fade: 0.3, fps: 30) { _ in 0 } == ["[s0]null[main]"])
    }

    @Test func theJoinedPiecesRunAsLongAsTheCrossfadedScenes() {
        // Three scenes whose fades start at 2.0 s and 5.5 s: the joined output has the first two scenes up to the
        // start of each fade, then the fade, then the rest of the last scene.
        let chains = SceneJoins.chains(count: 3, fade: 0.3, fps: 30) { [0, 2.0, 5.5][$0] }
        #expect(chains.last == "[b0][f0][b1][f1][b2]concat=n=5:v=1:a=0[main]")
        #expect(chains.contains("[s1b1]trim=start_frame=9:end_frame=105,setpts=PTS-STARTPTS[b1]"))
        #expect(chains.contains("[s2b2]trim=start_frame=9,setpts=PTS-STARTPTS[b2]"))
    }
}
