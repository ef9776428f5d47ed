/// This build's version and the git commit it was built from (`BuildCommit.swift`: `unknown` in the repository;
/// `scripts/package.sh` writes the commit there for the length of its build).
public enum BuildInfo {
    public static let version = "0.1.0"
    public static let commit = buildCommit

    /// What `showrunner --version` prints.
    static var line: String { "showrunner \(version) (commit \(commit))" }
}
