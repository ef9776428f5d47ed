// swift-tools-version:6.1
// In-process parts of the daemon benchmarks: ReloadBench (bench/daemon/run.sh) times the reload path after the
// debounce, i.e. ConfigRegistry.apply → the scheduler's apply → Scheduler.jobs(), on the same 10,000-account folder;
// DecodeBench times the decode of one account file in passes (README: "Where the decode of one account file goes").
//
// `ShowrunnerConfig` is not a library product of the main package, so its sources are compiled here as the
// module `BenchConfig` through a symlink (Sources/BenchConfig → ../../../Sources/ShowrunnerConfig): the same code,
// built with the same flags (-c release, whole module); nothing outside bench/daemon is changed.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (`main` in /work/main); take it from the path.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
let showrunner = root.lastPathComponent.lowercased()

let package = Package(
    name: "DaemonBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "BenchConfig",
            dependencies: [
                .product(name: "ShowrunnerCore", package: showrunner),
                .product(name: "ShowrunnerYAML", package: showrunner),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "DecodeBench",
            dependencies: [
                "BenchConfig",
                .product(name: "ShowrunnerYAML", package: showrunner),
            ]
        ),
        .executableTarget(
            name: "ReloadBench",
            dependencies: [
                "BenchConfig",
                .product(name: "ShowrunnerCore", package: showrunner),
                .product(name: "ShowrunnerStore", package: showrunner),
                .product(name: "ShowrunnerEngine", package: showrunner),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
