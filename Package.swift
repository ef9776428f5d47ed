// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Showrunner",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "showrunner", targets: ["showrunner"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "ShowrunnerCore"),
        .target(
            name: "ShowrunnerConfig",
            dependencies: ["ShowrunnerCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "ShowrunnerCLI",
            dependencies: [
                "ShowrunnerCore",
                "ShowrunnerConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "showrunner", dependencies: ["ShowrunnerCLI"]),
        .testTarget(name: "ShowrunnerCoreTests", dependencies: ["ShowrunnerCore"]),
        .testTarget(name: "ShowrunnerConfigTests", dependencies: ["ShowrunnerConfig"]),
        .testTarget(name: "ShowrunnerCLITests", dependencies: ["ShowrunnerCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
