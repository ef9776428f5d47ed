import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback HTTP server (python3's http.server in a child process) that answers 401 while a file exists and
/// 200 `{}` otherwise: a revoked credential, then a fixed one.
final class AuthGateServer: Sendable {
    let process = Process()
    let port: Int

    static let script = """
        import http.server, os, sys
        class Gate(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                code = 401 if os.path.exists(sys.argv[1]) else 200
                self.send_response(code)
                self.send_header('Content-Type', 'application/json')
                self.end_headers()
                self.wfile.write(b'{}')
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(('127.0.0.1', 0), Gate)
        print(server.server_port, flush=True)
        server.serve_forever()
        """

    init(revokedWhile path: String) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.script, path]
        process.standardOutput = output
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }  // it exited
            text += String(decoding: data, as: UTF8.self)
        }
        guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw DaemonProcess.DaemonError(message: "the gate server printed no port")
        }
        self.port = port
    }

    /// SIGKILL: the child may inherit a mask that blocks SIGTERM.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
