import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A webhook receiver on 127.0.0.1 (python3's http.server in a child process) that records every POST (path, body,
/// headers, and whether the HMAC-SHA256 signature checks out with `secret`) as a JSON line, and answers by mode:
/// `ok`, `fail:N` (N times 503, then 200), `slow:S` (sleeps S seconds, then 200).
final class FakeWebhookReceiver: Sendable {
    let process = Process()
    let port: Int
    let log: URL

    static let script = """
        import hashlib, hmac, http.server, json, sys, time
        log, mode, secret = sys.argv[1], sys.argv[2], sys.argv[3].encode()
        failures = [int(mode.split(':')[1]) if mode.startswith('fail:') else 0]
        class Hook(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
                sig = self.headers.get('X-Showrunner-Signature', '')
                parts = dict(p.split('=', 1) for p in sig.split(',') if '=' in p)
                expected = hmac.new(secret, parts.get('t', '').encode() + b'.' + body, hashlib.sha256).hexdigest()
                with open(log, 'a') as f:
                    f.write(json.dumps({'path': self.path, 'body': json.loads(body or b'{}'),
                        'signed': bool(sig), 'valid': hmac.compare_digest(expected, parts.get('v1', '')),
                        'timestamp': self.headers.get('X-Showrunner-Timestamp')}) + '\\n')
                if mode.startswith('slow:'):
                    time.sleep(float(mode.split(':')[1]))
                code = 200
                if failures[0] > 0:
                    failures[0] -= 1
                    code = 503
                self.send_response(code)
                self.end_headers()
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Hook)
        print(server.server_port, flush=True)
        server.serve_forever()
        """

    init(mode: String = "ok", secret: String = "") throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("hook-\(UUID().uuidString).jsonl")
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.script, log.path, mode, secret]
        process.standardOutput = output
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw DaemonProcess.DaemonError(message: "the webhook receiver printed no port")
        }
        self.port = port
    }

    func url(_ path: String = "/hook/s3cr3t-token") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests received so far.
    var requests: [[String: Any]] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Waits (bounded) until `count` requests match.
    func wait(
        count: Int = 1, timeout: TimeInterval = 120, where match: ([String: Any]) -> Bool = { _ in true }
    )
        -> [[String: Any]]
    {
        let deadline = Date().addingTimeInterval(timeout)
        while requests.filter(match).count < count, Date() < deadline { usleep(20_000) }
        return requests.filter(match)
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    /// A loopback port with nothing listening: connections are refused.
    static func refusedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(fd, $0, length)
                return getsockname(fd, $0, &length)
            }
        }
        close(fd)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
