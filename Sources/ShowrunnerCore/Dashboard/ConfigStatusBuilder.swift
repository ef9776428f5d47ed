/// Assembles `ConfigStatus` from what the registry knows; the file reading is the `sourceLine` closure. Pure.
public enum ConfigStatusBuilder {
    public static let fileLimit = 1000

    /// `paths`: every config file; `sourceLine(file, line)`: that line's text now.
    public static func build(
        paths: [String], diagnostics: [Diagnostic], lastGood: [LastGoodAccount], revision: String?,
        lastReload: ReloadRecord?, sourceLine: @escaping (String, Int) -> String?
    ) -> ConfigStatus {
        let view = { (diagnostic: Diagnostic) in
            DiagnosticView(
                diagnostic: diagnostic, sourceLine: diagnostic.line.flatMap { sourceLine(diagnostic.file, $0) })
        }
        let byFile = Dictionary(grouping: diagnostics, by: \.file)
        let allPaths = Set(paths).union(byFile.keys)
        let ordered = allPaths.sorted { lhs, rhs in
            let (left, right) = (byFile[lhs]?.count ?? 0 > 0, byFile[rhs]?.count ?? 0 > 0)
            return left != right ? left : lhs < rhs
        }
        let files = ordered.prefix(fileLimit).map { path in
            ConfigFileStatus(path: path, diagnostics: (byFile[path] ?? []).map(view))
        }
        let reload = lastReload.map { record in
            ReloadView(
                trigger: record.trigger, at: record.at, applied: record.report.applied.count,
                unchanged: record.report.unchanged.count, removed: record.report.removed.count,
                errors: record.report.errors.map(view))
        }
        let (commit, dirty) = split(revision)
        return ConfigStatus(
            revision: revision, commit: commit, dirty: dirty, lastReload: reload, filesTotal: allPaths.count,
            files: files, lastGood: lastGood.sorted { $0.accountID < $1.accountID })
    }

    /// `abc123-dirty` → (`abc123`, true).
    static func split(_ revision: String?) -> (String?, Bool) {
        guard let revision else { return (nil, false) }
        guard revision.hasSuffix("-dirty") else { return (revision, false) }
        return (String(revision.dropLast("-dirty".count)), true)
    }
}
