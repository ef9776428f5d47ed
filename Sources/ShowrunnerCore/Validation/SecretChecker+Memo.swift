extension SecretChecker {
    /// The same checker, asking the file system about each path once: 10,000 accounts name the same few topic
    /// lists and fonts, and one validation should not stat each of them 10,000 times. For one validation only, so
    /// a file created later is seen by the next.
    func rememberingFiles() -> SecretChecker {
        let answers = BoundedMemo<String, Bool>(limit: 100_000)
        let ask = fileExists
        var checker = self
        checker.fileExists = { answers.value(for: $0, ask) }
        return checker
    }
}
