import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one read of a file a user names (config files, topics files): without blocking, and never more than a limit.
/// A FIFO or device is refused instead of blocking the reader (it is opened non-blocking), and the size is bounded
/// by what is read, not by an earlier `stat` that a swapped or growing file could outdate.
public enum BoundedFile {
    public enum ReadError: Error, Sendable {
        /// No entry at all: the file is gone.
        case missing
        /// A directory, a FIFO, a device.
        case notRegularFile
        /// It is there but cannot be read: why, in words (a symlink to nothing, errno's).
        case unreadable(String)

        /// Why the file cannot be read, in words; nil when it is gone.
        public var reason: String? {
            switch self {
            case .missing: nil
            case .notRegularFile: "it is not a regular file"
            case .unreadable(let reason): reason
            }
        }
    }

    /// At most `limit` bytes of the file at `path` (symlinks followed), with the `stat` of the descriptor that was
    /// read (no second `stat`). Read `limit` as one more than the largest size allowed, to tell that a file is over.
    public static func read(atPath path: String, limit: Int) throws(ReadError) -> (data: Data, info: stat) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            if error == ENOENT || error == ENOTDIR {
                // Gone only when there is no entry at all: a symlink to nothing is an unreadable file.
                guard let target = danglingTarget(atPath: path) else { throw .missing }
                throw .unreadable("it is a symbolic link to '\(target)', which does not exist")
            }
            throw .unreadable(String(cString: strerror(error)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile }
        // Read straight into the result, sized for the whole file plus one byte (to see the end in one call).
        var data = Data(count: min(max(Int(info.st_size) + 1, 64), limit))
        var filled = 0
        while filled < limit {
            if filled == data.count { data.count = min(data.count * 2, limit) }
            let wanted = data.count - filled
            let count = data.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, wanted) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                if count < 0 { throw .unreadable(String(cString: strerror(errno))) }
                break
            }
            filled += count
        }
        data.count = filled
        return (data, info)
    }

    /// The target of the symbolic link at `path`, nil when `path` names no entry at all (the file is gone).
    static func danglingTarget(atPath path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
