// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Showrunner",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "showrunner", targets: ["showrunner"]),
        // Libraries for the benchmark packages in bench/ (the app itself is the executable).
        .library(name: "ShowrunnerCore", targets: ["ShowrunnerCore"]),
        .library(name: "ShowrunnerStore", targets: ["ShowrunnerStore"]),
        .library(name: "ShowrunnerEngine", targets: ["ShowrunnerEngine"]),
        .library(name: "ShowrunnerSteps", targets: ["ShowrunnerSteps"]),
        .library(name: "ShowrunnerYAML", targets: ["ShowrunnerYAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // The HTTP client of the steps, providers and alerts, on SwiftNIO like the server and PostgreSQL.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // HMAC-SHA256 of alert webhooks; already in the graph (swift-certificates), so it costs no new build.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(name: "ShowrunnerCore"),
        // Debian's libyaml (libyaml-dev), and the one YAML reader over its events: config files and topics files.
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "ShowrunnerYAML", dependencies: ["ShowrunnerCore", "CLibYAML"]),
        .target(
            name: "ShowrunnerConfig",
            dependencies: [
                "ShowrunnerCore", "ShowrunnerYAML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "ShowrunnerStore", dependencies: ["ShowrunnerCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "ShowrunnerPostgres",
            dependencies: [
                "ShowrunnerCore", "ShowrunnerStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "ShowrunnerEngine",
            dependencies: [
                "ShowrunnerCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "ShowrunnerServer",
            dependencies: [
                "ShowrunnerCore",
                "ShowrunnerEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "ShowrunnerSteps",
            dependencies: [
                "ShowrunnerCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "ShowrunnerYAML",
            ]
        ),
        .target(
            name: "ShowrunnerCLI",
            dependencies: [
                "ShowrunnerCore",
                "ShowrunnerConfig",
                "ShowrunnerStore",
                "ShowrunnerPostgres",
                "ShowrunnerEngine",
                "ShowrunnerSteps",
                "ShowrunnerServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(name: "showrunner", dependencies: ["ShowrunnerCLI"]),
        .target(
            name: "ShowrunnerTestSupport",
            dependencies: ["ShowrunnerCore", .product(name: "Subprocess", package: "swift-subprocess")],
            path: "Tests/Support"
        ),
        .testTarget(name: "ShowrunnerCoreTests", dependencies: ["ShowrunnerCore", "ShowrunnerTestSupport"]),
        .testTarget(name: "ShowrunnerConfigTests", dependencies: ["ShowrunnerConfig", "ShowrunnerTestSupport"]),
        // The reader before issue 17 (Yams, with its own copy of libyaml) as a program of its own, for the
        // differential test: a test may not link a second libyaml beside Debian's.
        .executableTarget(
            name: "yams-reference", dependencies: [.product(name: "Yams", package: "Yams")], path: "Tests/YamsReference"
        ),
        .testTarget(name: "ShowrunnerCLITests", dependencies: ["ShowrunnerCLI", "ShowrunnerTestSupport"]),
        .testTarget(
            name: "ShowrunnerStoreTests",
            dependencies: [
                "ShowrunnerStore", "ShowrunnerPostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ShowrunnerEngineTests",
            dependencies: ["ShowrunnerEngine", "ShowrunnerStore", "ShowrunnerSteps", "ShowrunnerTestSupport"]
        ),
        .testTarget(name: "ShowrunnerStepsTests", dependencies: ["ShowrunnerSteps", "ShowrunnerTestSupport"]),
        .testTarget(
            name: "ShowrunnerServerTests",
            dependencies: ["ShowrunnerServer", "ShowrunnerStore", "ShowrunnerTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
