// swift-tools-version:6.1
// Render benchmark for Showrunner's media steps (issue 4, "Measure"): a 60-second short (espeak voice, SRT
// subtitles, 1080×1920 H.264/AAC video) rendered by the real `tts`, `subtitles` and `video` steps. See README.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (`main` in /work/main, `showrunner` in a clone named so);
// products are referenced by that identity, so take it from the path instead of hard-coding it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
let showrunner = root.lastPathComponent.lowercased()

let package = Package(
    name: "MediaBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "MediaBench",
            dependencies: [
                .product(name: "ShowrunnerCore", package: showrunner),
                .product(name: "ShowrunnerStore", package: showrunner),
                .product(name: "ShowrunnerSteps", package: showrunner),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
