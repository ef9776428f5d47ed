import Foundation
import Testing

@testable import ShowrunnerCore

struct ConfigStatusBuilderTests {
    @Test(
        arguments: [
            ("a\nb\nc", 2, "b"), ("a\r\nb\r\n", 1, "a"), ("a\nb", 3, nil), ("", 1, ""), ("x", 0, nil),
            ("x\n" + String(repeating: "y", count: 300), 2, String(repeating: "y", count: SourceLine.maxLength) + "…"),
        ] as [(String, Int, String?)])
    func sourceLine(_ text: String, _ line: Int, _ expected: String?) {
        #expect(SourceLine.line(line, of: text) == expected)
    }

    @Test(
        arguments: [
            (nil, nil, false), ("abc123", "abc123", false), ("abc123-dirty", "abc123", true),
        ] as [(String?, String?, Bool)])
    func revisionSplitsIntoCommitAndDirty(_ revision: String?, _ commit: String?, _ dirty: Bool) {
        let status = ConfigStatusBuilder.build(
            paths: [], diagnostics: [], lastGood: [], revision: revision, lastReload: nil, sourceLine: { _, _ in nil })
        #expect(status.commit == commit)
        #expect(status.dirty == dirty)
    }

    @Test func filesWithProblemsComeFirstWithTheirSourceLines() {
        let bad = Diagnostic(
            .error, file: "accounts.d/b.yaml", location: SourceLocation(line: 2, column: 7), keyPath: "schedule.cron",
            "Bad cron.")
        let warning = Diagnostic(.warning, file: "pipelines/p.yaml", "Unused step.")
        let reload = ReloadRecord(
            trigger: "watch", at: Date(timeIntervalSince1970: 0), report: ReloadReport(applied: ["a"], errors: [bad]))
        let status = ConfigStatusBuilder.build(
            paths: ["accounts.d/a.yaml", "accounts.d/b.yaml", "pipelines/p.yaml"], diagnostics: [bad, warning],
            lastGood: [
                LastGoodAccount(accountID: "b", file: "accounts.d/b.yaml", revision: "r1", reason: bad.rendered)
            ],
            revision: "r2", lastReload: reload,
            sourceLine: { file, line in file == "accounts.d/b.yaml" && line == 2 ? "  cron: \"61 * * * *\"" : nil })
        #expect(status.files.map(\.path) == ["accounts.d/b.yaml", "pipelines/p.yaml", "accounts.d/a.yaml"])
        #expect(status.filesTotal == 3)
        #expect(status.files[0].errors == 1)
        #expect(status.files[0].diagnostics.map(\.sourceLine) == ["  cron: \"61 * * * *\""])
        #expect(status.files[1].warnings == 1)
        #expect(status.files[1].diagnostics.map(\.sourceLine) == [nil])
        #expect(status.lastReload?.applied == 1)
        #expect(status.lastReload?.errors.first?.sourceLine == "  cron: \"61 * * * *\"")
        #expect(status.lastGood.map(\.accountID) == ["b"])
    }
}
