import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Publishing without a second copy of the bytes: a hard link renamed over the target.
extension AtomicFile {
    /// Publishes `source` at `target` as a hard link to the same inode, so the run folder and the output folder
    /// share one copy; where the OS refuses a link (another file system: `EXDEV`; a file system without links;
    /// `fs.protected_hardlinks`) it copies. The shared bytes are flushed to disk first and the folder after, as a
    /// copy is. Returns true when linked.
    @discardableResult
    static func linkOrCopy(_ source: URL, to target: URL) throws -> Bool {
        let temporary = temporaryPath(for: target)
        guard link(source.path, temporary) == 0 else {
            try copy(source, to: target)
            return false
        }
        do { try POSIXFile.sync(source.path) } catch {
            unlink(temporary)
            throw error
        }
        try replace(target, with: temporary)
        return true
    }
}
