import Testing

@testable import ShowrunnerConfig

struct ConfigPathTests {
    @Test(arguments: [
        ("showrunner.yaml", ConfigPath.Kind.settings), ("showrunner.yml", .settings),
        ("accounts.d/cooking.yaml", .account), ("accounts.d/cooking.yml", .account),
        ("pipelines/shorts.yaml", .pipeline), ("accounts.d/.cooking.yaml", .other),
        ("accounts.d/cooking.yaml.swp", .other), ("accounts.d/cooking.txt", .other),
        ("accounts.d/sub/cooking.yaml", .other), ("accounts.d", .other), ("accounts.dx/cooking.yaml", .other),
        ("topics/cooking.yaml", .other), ("cooking.yaml", .other), ("pipelines/", .other),
    ])
    func kindOfAPathInTheConfigFolder(path: String, kind: ConfigPath.Kind) {
        #expect(ConfigPath.kind(of: path) == kind)
    }
}
