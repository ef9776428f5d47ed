import Foundation
import ShowrunnerCore

#if canImport(Glibc)
    import Glibc
#endif

/// The bytes of a config file as text: read without blocking and never more than `maxBytes` (plus one, to tell
/// that a file is too large), then checked to be UTF-8, with the line and column of the first invalid byte.
enum ConfigText {
    /// 1 MiB, as Kubernetes limits a ConfigMap: far above any real config file, far below what hurts the daemon.
    static let maxBytes = 1 << 20

    enum ReadError: Error {
        case missing
        case unreadable(String)
    }

    /// At most `maxBytes + 1` bytes of the file at `url` (symlinks followed). A FIFO or device is refused as
    /// unreadable instead of blocking the reader (it is opened non-blocking).
    static func read(_ url: URL, limit: Int = maxBytes + 1) throws(ReadError) -> Data {
        try readWithSignature(atPath: url.path, limit: limit).data
    }

    /// `read` of the file at `path`, with its signature from the open descriptor (no second `stat`). A path, not a
    /// `URL`: building a `URL` per file was 6 % of `validate` on 10,000 accounts.
    static func readWithSignature(
        atPath path: String, limit: Int = maxBytes + 1
    ) throws(ReadError) -> (data: Data, signature: FileTable.Signature) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            if error == ENOENT || error == ENOTDIR {
                // Gone only when there is no entry at all: a symlink to nothing is an unreadable file.
                guard let target = danglingTarget(URL(fileURLWithPath: path)) else { throw .missing }
                throw .unreadable("it is a symbolic link to '\(target)', which does not exist")
            }
            throw .unreadable(String(cString: strerror(error)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable("it is not a regular file") }
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
        return (data, FileTable.signature(of: info))
    }

    /// The target of the symbolic link at `url`, nil when `url` names no entry at all (the file is gone).
    static func danglingTarget(_ url: URL) -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(url.path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The text, or a diagnostic: too large, or not UTF-8 (at the first invalid byte).
    enum Decoded {
        case text(String)
        case problem(Diagnostic)
    }

    static func decode(_ data: Data, file: String) -> Decoded {
        if let problem = sizeProblem(byteCount: data.count, file: file) { return .problem(problem) }
        if let text = String(validating: data, as: UTF8.self) { return .text(text) }
        let location = firstInvalidByte(in: data)
        return .problem(
            Diagnostic(
                .error, file: file, location: location,
                "the file is not valid UTF-8 text (byte \(location.byteDescription) cannot start or continue a "
                    + "character here); save it as UTF-8."))
    }

    static func sizeProblem(byteCount: Int, file: String) -> Diagnostic? {
        guard byteCount > maxBytes else { return nil }
        return Diagnostic(
            .error, file: file, location: SourceLocation(line: 1, column: 1),
            "the file is larger than \(maxBytes / 1024 / 1024) MiB, too large for a config file; it was not read. "
                + "Keep long lists (topics) in their own files.")
    }

    /// Where the first byte that breaks UTF-8 is, as a 1-based line and a column counted in characters.
    static func firstInvalidByte(in data: Data) -> InvalidByte {
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            guard length > 0 else { return InvalidByte(line: line, column: column, byte: bytes[index]) }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return InvalidByte(line: line, column: column, byte: nil)
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629), or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8)
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        default: return 0
        }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(length, 2) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// A located invalid byte.
    struct InvalidByte {
        let line: Int
        let column: Int
        let byte: UInt8?

        var byteDescription: String { byte.map { String(format: "0x%02X", $0) } ?? "at the end" }
    }
}

extension Diagnostic {
    init(_ severity: Severity, file: String, location invalid: ConfigText.InvalidByte, _ message: String) {
        self.init(severity, file: file, location: SourceLocation(line: invalid.line, column: invalid.column), message)
    }
}
