import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// inotify on the config folder, `accounts.d/`, `pipelines/` and the config folder's parent (so a symlink swap
/// of the folder itself is seen). Reports the changed config paths, or nil for "rescan everything" (a folder
/// was replaced, a `..data` swap, a queue overflow). Re-watches when a watched folder goes away or comes back.
final class InotifySource: Sendable {
    private static let fileEvents = UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CLOSE_WRITE)
    private static let folderEvents = fileEvents | UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

    private struct Watches {
        var byDescriptor: [Int32: String] = [:]
    }

    private let descriptor: Int32
    private let directory: URL
    private let watches = Mutex(Watches())
    nonisolated(unsafe) private let source: DispatchSourceRead
    private let onEvents: @Sendable (Set<String>?) -> Void

    /// Starts watching; `onEvents` is called on a background queue for every batch the kernel delivers.
    init(directory: URL, onEvents: @escaping @Sendable (Set<String>?) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError.inotify(errno: errno) }
        self.directory = directory
        self.onEvents = onEvents
        source = DispatchSource.makeReadSource(
            fileDescriptor: descriptor, queue: DispatchQueue(label: "showrunner.inotify"))
        rewatch()
        source.setEventHandler { [weak self] in self?.drain() }
        let descriptor = descriptor
        source.setCancelHandler { close(descriptor) }  // only after dispatch let go of it: fds are reused
        source.resume()
    }

    func stop() { source.cancel() }

    /// (Re)adds the watches; folders that do not exist yet are picked up when their parent reports them. Watches
    /// on inodes that are no longer the watched paths are removed (their `IN_IGNORED` is then expected).
    private func rewatch() {
        watches.withLock { watches in
            let parent = directory.deletingLastPathComponent().path
            let targets: [(String, String)] = [
                (parent.isEmpty ? "." : parent, "^parent"), (directory.path, ""),
                (directory.appendingPathComponent(ConfigFiles.accountsFolder).path, ConfigFiles.accountsFolder),
                (directory.appendingPathComponent(ConfigFiles.pipelinesFolder).path, ConfigFiles.pipelinesFolder),
            ]
            var current: [Int32: String] = [:]
            for (path, name) in targets {
                let watch = inotify_add_watch(descriptor, path, Self.folderEvents)
                if watch >= 0 { current[watch] = name }
            }
            for stale in watches.byDescriptor.keys where current[stale] == nil { inotify_rm_watch(descriptor, stale) }
            watches.byDescriptor = current
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed: Set<String> = []
        var rescan = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let event = RawEvent(buffer, at: offset)
                offset += 16 + Int(event.nameLength)
                switch classify(event) {
                case .path(let path): changed.insert(path)
                case .rescan: rescan = true
                case .ignore: break
                }
            }
        }
        if rescan { rewatch() }
        if rescan || !changed.isEmpty { onEvents(rescan ? nil : changed) }
    }

    private enum Meaning { case path(String), rescan, ignore }

    private func classify(_ event: RawEvent) -> Meaning {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { return .rescan }
        guard let folder = watches.withLock({ $0.byDescriptor[event.watch] }) else { return .ignore }  // retired
        if event.mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return .rescan }
        switch folder {
        case "^parent":
            return event.name == directory.lastPathComponent ? .rescan : .ignore
        case "":
            if event.name == ConfigFiles.accountsFolder || event.name == ConfigFiles.pipelinesFolder { return .rescan }
            return ConfigFiles.settingsNames.contains(event.name) ? .path(event.name) : .ignore
        default:
            if ConfigFiles.isConfigFile(event.name) { return .path("\(folder)/\(event.name)") }
            return event.name.hasPrefix("..") ? .rescan : .ignore  // a Kubernetes `..data` swap
        }
    }
}

/// One `struct inotify_event` read from the buffer.
private struct RawEvent {
    let watch: Int32
    let mask: UInt32
    let nameLength: UInt32
    let name: String

    init(_ buffer: [UInt8], at offset: Int) {
        func word(_ at: Int) -> UInt32 {
            UInt32(buffer[at]) | UInt32(buffer[at + 1]) << 8 | UInt32(buffer[at + 2]) << 16 | UInt32(buffer[at + 3])
                << 24
        }
        watch = Int32(bitPattern: word(offset))
        mask = word(offset + 4)
        nameLength = word(offset + 12)
        let start = offset + 16
        let end = min(buffer.count, start + Int(nameLength))
        let bytes = buffer[start..<end].prefix { $0 != 0 }
        name = String(decoding: bytes, as: UTF8.self)
    }
}

enum WatchError: Error, CustomStringConvertible {
    case inotify(errno: Int32)

    var description: String {
        switch self {
        case .inotify(let code): "inotify is unavailable (errno \(code)); use --watch poll."
        }
    }
}
