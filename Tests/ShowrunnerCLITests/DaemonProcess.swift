import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `showrunner run` as a child process: start it, learn its API port from what it prints, call the API, stop it.
final class DaemonProcess: Sendable {
    let process = Process()
    private let output = TextBuffer()
    private let outputPipe = Pipe()

    /// `errors`: where its stderr goes (default: nowhere); `state`: its state folder (default: the config's).
    init(config: URL, environment: [String: String] = [:], errors: FileHandle? = nil, state: URL? = nil) throws {
        process.executableURL = CommandRunner.binary
        process.arguments =
            ["run", "--config", config.path, "--listen", "127.0.0.1:0"] + (state.map { ["--state", $0.path] } ?? [])
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = outputPipe
        process.standardError = errors ?? FileHandle.nullDevice
        let output = output
        outputPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.append(String(decoding: data, as: UTF8.self))
        }
        try process.run()
    }

    /// The API's base URL once the daemon printed it (waits for that line, at most `timeout`).
    func baseURL(timeout: TimeInterval = 180) throws -> URL {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = output.text
            if let range = text.range(of: "HTTP API on "), let end = text[range.upperBound...].firstIndex(of: "\n") {
                return URL(string: String(text[range.upperBound..<end]))!
            }
            usleep(20_000)
        }
        throw DaemonError(message: "the daemon did not print its address: \(output.text)")
    }

    /// Sends `signal` and waits for the process to exit; returns its status. Stopping a stopped daemon is a no-op.
    /// A daemon still running 2 minutes after the signal is killed and reported as -1 (a hang fails the test
    /// instead of stalling the suite).
    func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        process.waitUntilExit()
        outputPipe.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    struct DaemonError: Error, CustomStringConvertible { let message: String; var description: String { message } }
}

/// Text appended from another thread.
final class TextBuffer: Sendable {
    private let value = Mutex("")

    var text: String { value.withLock { $0 } }

    func append(_ more: String) { value.withLock { $0 += more } }
}

/// Blocking HTTP calls for the tests (URLSession under the hood).
enum HTTP {
    struct Reply {
        let status: Int
        let json: Any?
        var text = ""
    }

    static func call(_ method: String, _ url: URL) throws -> Reply {
        var request = URLRequest(url: url)
        request.httpMethod = method
        let result = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        URLSession(configuration: configuration).dataTask(with: request) { data, response, _ in
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let json = data.flatMap { try? JSONSerialization.jsonObject(with: $0) }
            result.set(Reply(status: status, json: json, text: data.map { String(decoding: $0, as: UTF8.self) } ?? ""))
            done.signal()
        }.resume()
        done.wait()
        return result.get()!
    }

    /// Calls until `condition` holds for the reply (bounded), e.g. a run reaching `succeeded`.
    static func poll(
        _ method: String, _ url: URL, timeout: TimeInterval = 180, until condition: (Reply) -> Bool
    ) throws
        -> Reply
    {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try call(method, url)
        while !condition(last), Date() < deadline {
            usleep(50_000)
            last = try call(method, url)
        }
        return last
    }
}

/// One reply handed from URLSession's queue to the waiting test.
final class ReplyBox: @unchecked Sendable {
    private let lock = NSLock()
    private var reply: HTTP.Reply?

    func set(_ value: HTTP.Reply) { lock.withLock { reply = value } }
    func get() -> HTTP.Reply? { lock.withLock { reply } }
}
