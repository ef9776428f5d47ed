import Foundation
import ShowrunnerCore

/// A git work tree found by walking up from a folder: where `.git` is and what HEAD points to.
struct GitRepository {
    let workTree: URL
    let gitDirectory: URL
    /// Where refs live (differs from `gitDirectory` in a linked worktree).
    let commonDirectory: URL

    static func locate(from directory: URL) -> GitRepository? {
        var folder = directory.standardizedFileURL
        while true {
            let dotGit = folder.appendingPathComponent(".git")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) {
                let gitDirectory = isDirectory.boolValue ? dotGit : pointedDirectory(dotGit, base: folder)
                guard let gitDirectory else { return nil }
                let common = text(gitDirectory.appendingPathComponent("commondir")).map {
                    URL(fileURLWithPath: $0, relativeTo: gitDirectory).standardizedFileURL
                }
                return GitRepository(
                    workTree: folder, gitDirectory: gitDirectory, commonDirectory: common ?? gitDirectory)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The commit HEAD names (following `ref:` through loose refs and `packed-refs`).
    func headCommit() -> String? {
        guard let head = Self.text(gitDirectory.appendingPathComponent("HEAD")) else { return nil }
        guard head.hasPrefix("ref: ") else { return Self.isCommit(head) ? head : nil }
        let reference = String(head.dropFirst(5))
        for base in [gitDirectory, commonDirectory] {
            if let commit = Self.text(base.appendingPathComponent(reference)), Self.isCommit(commit) { return commit }
        }
        let packed = Self.text(commonDirectory.appendingPathComponent("packed-refs")) ?? ""
        for line in packed.split(separator: "\n") where line.hasSuffix(" " + reference) {
            let commit = String(line.prefix(40))
            if Self.isCommit(commit) { return commit }
        }
        return nil
    }

    /// `directory` relative to the work tree (`""` for the root).
    func relativePath(of directory: URL) -> String {
        let root = workTree.path.hasSuffix("/") ? workTree.path : workTree.path + "/"
        let path = directory.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : ""
    }

    private static func pointedDirectory(_ file: URL, base: URL) -> URL? {
        guard let line = text(file), line.hasPrefix("gitdir: ") else { return nil }
        return URL(fileURLWithPath: String(line.dropFirst(8)), relativeTo: base).standardizedFileURL
    }

    static func text(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingWhitespace()
    }

    static func isCommit(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
    }
}
