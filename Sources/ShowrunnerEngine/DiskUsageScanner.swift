import Foundation
import ShowrunnerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Measures `STATE/runs/` and `out/<account>/` per account (`showrunner disk`, `/api/disk`), each inode once.
public struct DiskUsageScanner: Sendable {
    let runsFolder: URL
    /// `out/` under the config folder, where `upload.local` publishes by default.
    let outputFolder: URL
    /// The account of each run id history still has.
    let accounts: @Sendable ([String]) async throws -> [String: String]

    public init(
        stateDirectory: URL, outputFolder: URL,
        accounts: @escaping @Sendable ([String]) async throws -> [String: String]
    ) {
        runsFolder = stateDirectory.appendingPathComponent("runs", isDirectory: true)
        self.outputFolder = outputFolder
        self.accounts = accounts
    }

    public func scan() async throws -> DiskUsageReport {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: runsFolder.path)) ?? []
        let owners = try await accounts(folders)
        var seen = Set<FileIdentity>()
        var entries: [String: DiskUsageReport.Entry] = [:]
        for folder in folders.sorted() {
            let account = owners[folder] ?? DiskUsageReport.unknownAccount
            var entry = entries[account] ?? DiskUsageReport.Entry(accountID: account)
            let (inodes, bytes) = Self.measure(runsFolder.appendingPathComponent(folder).path, seen: &seen)
            entry.runFolders += 1
            entry.runInodes += inodes
            entry.runBytes += bytes
            entries[account] = entry
        }
        let published = (try? FileManager.default.contentsOfDirectory(atPath: outputFolder.path)) ?? []
        for account in published.sorted() {
            var entry = entries[account] ?? DiskUsageReport.Entry(accountID: account)
            let (inodes, bytes) = Self.measure(outputFolder.appendingPathComponent(account).path, seen: &seen)
            entry.publishedInodes += inodes
            entry.publishedBytes += bytes
            entries[account] = entry
        }
        return DiskUsageReport(accounts: Array(entries.values))
    }

    /// A file's device and inode: the same pair twice is one file with two names.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Inodes and allocated bytes under `path` (itself included) not in `seen`; symbolic links are not followed.
    static func measure(_ path: String, seen: inout Set<FileIdentity>) -> (inodes: Int, bytes: Int64) {
        var inodes = 0
        var bytes: Int64 = 0
        var pending = [path]
        while let next = pending.popLast() {
            var info = stat()
            guard lstat(next, &info) == 0 else { continue }
            if seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted {
                inodes += 1
                bytes += Int64(info.st_blocks) * 512
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            for child in (try? FileManager.default.contentsOfDirectory(atPath: next)) ?? [] {
                pending.append(next + "/" + child)
            }
        }
        return (inodes, bytes)
    }
}
