import Foundation

/// The start-up lines scripts wait for ("N accounts scheduled; HTTP API on …"), printed once the API listens and the
/// config folder is loaded, whichever comes last; then `ready` (the service manager's notification) is called.
actor StartupAnnouncement {
    private let host: String
    private let ready: @Sendable () async -> Void
    private var port: Int?
    private var accounts: Int?
    private var announced = false

    init(host: String, ready: @escaping @Sendable () async -> Void) {
        self.host = host
        self.ready = ready
    }

    func serverRunning(port: Int) async {
        self.port = port
        await announceWhenBoth()
    }

    func loaded(accounts: Int) async {
        self.accounts = accounts
        await announceWhenBoth()
    }

    private func announceWhenBoth() async {
        guard let port, let accounts, !announced else { return }
        announced = true
        let line =
            "showrunner: \(accounts) accounts scheduled; HTTP API on http://\(host):\(port)\n"
            + "showrunner: dashboard on http://\(host):\(port)/\n"
        FileHandle.standardOutput.write(Data(line.utf8))  // unbuffered: scripts wait for this line
        await ready()
    }
}
