// swift-tools-version:6.1
// Upload throughput of Showrunner's `upload.youtube` step against the local fake YouTube (issue 5, "Measure").
// See README.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (`main` in /work/main, `showrunner` in a clone named so);
// products are referenced by that identity, so take it from the path instead of hard-coding it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
let showrunner = root.lastPathComponent.lowercased()

let package = Package(
    name: "YouTubeBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "YouTubeBench",
            dependencies: [
                .product(name: "ShowrunnerCore", package: showrunner),
                .product(name: "ShowrunnerStore", package: showrunner),
                .product(name: "ShowrunnerSteps", package: showrunner),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
