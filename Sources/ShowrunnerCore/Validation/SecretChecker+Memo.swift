import Synchronization

extension SecretChecker {
    /// The same checker, asking the file system about each path once: 10,000 accounts name the same few topic
    /// lists and fonts, and one validation should not stat each of them 10,000 times. For one validation only, so
    /// a file created later is seen by the next.
    func rememberingFiles() -> SecretChecker {
        let memo = PathMemo(fileExists)
        var checker = self
        checker.fileExists = { memo.exists($0) }
        return checker
    }
}

/// `fileExists` answers by path, remembered.
private final class PathMemo: Sendable {
    private let answers = Mutex<[String: Bool]>([:])
    private let ask: @Sendable (String) -> Bool

    init(_ ask: @escaping @Sendable (String) -> Bool) { self.ask = ask }

    func exists(_ path: String) -> Bool {
        if let known = answers.withLock({ $0[path] }) { return known }
        let answer = ask(path)
        answers.withLock { $0[path] = answer }
        return answer
    }
}
