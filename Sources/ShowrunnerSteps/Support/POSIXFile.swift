import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small POSIX file helpers whose failures carry the OS error.
enum POSIXFile {
    /// Writes every byte, retrying after `EINTR`.
    static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>, path: String) throws {
        var rest = bytes
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw FileOperationError(operation: "write", path: path, code: errno) }
            rest = rest.dropFirst(written)
        }
    }

    /// Flushes a file's data, or a folder's entries (a rename into it), to the disk: what a power cut keeps. A file
    /// system whose folders cannot be flushed (`EINVAL`, `EBADF`: some network and virtual ones) is not an error for
    /// a folder, as PostgreSQL treats it.
    static func sync(_ path: String, folder: Bool = false) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0))
        guard fd >= 0 else { throw FileOperationError(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 || folder && (errno == EINVAL || errno == EBADF) else {
            throw FileOperationError(operation: "flush", path: path, code: errno)
        }
    }

    /// A file descriptor, positioned at the start, of an already-unlinked temporary file holding `text`: stdin for
    /// a child that needs no pipe (so a child that exits without reading cannot raise SIGPIPE here).
    static func anonymousFile(containing text: String) throws -> Int32 {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("showrunner-\(UUID().uuidString)").path
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileOperationError(operation: "create", path: path, code: errno) }
        unlink(path)
        do {
            try writeAll(fd, Array(text.utf8)[...], path: path)
            guard lseek(fd, 0, SEEK_SET) == 0 else {
                throw FileOperationError(operation: "rewind", path: path, code: errno)
            }
            return fd
        } catch {
            close(fd)
            throw error
        }
    }
}

/// A failed POSIX file call, described like `cannot rename into /out/a.mp4: Permission denied`.
struct FileOperationError: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var code: Int32

    var reason: String { String(cString: strerror(code)) }
    var description: String { "cannot \(operation) \(path): \(reason)" }
}
