// swift-tools-version:6.1
// Executor-overhead and store-growth benchmarks for Showrunner (issue 3, "Measure"). See README.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (`main` in /work/main, `showrunner` in a clone named so);
// products are referenced by that identity, so take it from the path instead of hard-coding it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
let showrunner = root.lastPathComponent.lowercased()

let package = Package(
    name: "EngineBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "EngineBench",
            dependencies: [
                .product(name: "ShowrunnerCore", package: showrunner),
                .product(name: "ShowrunnerStore", package: showrunner),
                .product(name: "ShowrunnerEngine", package: showrunner),
                .product(name: "Logging", package: "swift-log"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
