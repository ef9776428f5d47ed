import Testing

@testable import ShowrunnerConfig

/// The default id of a file: its name without folder and extension (issue 17 replaced a split with a search).
struct ConfigFilesStemTests {
    @Test(arguments: [
        ("accounts.d/cooking.yaml", "cooking"), ("cooking.yml", "cooking"), ("a/b/c.d.yaml", "c.d"),
        ("accounts.d/noext", "noext"), ("accounts.d/.yaml", ""), ("a//b.yaml", "b"), ("a/b/", "b"),
        ("showrunner.yaml", "showrunner"),
    ])
    func stem(path: String, expected: String) {
        #expect(ConfigFiles.stem(of: path) == expected)
    }
}
