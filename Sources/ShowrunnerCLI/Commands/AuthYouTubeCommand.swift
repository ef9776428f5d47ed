import ArgumentParser
import Foundation
import ShowrunnerCore
import ShowrunnerSteps

/// `showrunner auth youtube ACCOUNT`: Google's consent flow, ending in the account's credentials file.
struct AuthYouTubeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "youtube",
        abstract: "Get a refresh token for an account's channel and write its credentials file.",
        discussion: """
            Prints Google's consent URL. Open it, sign in with the channel's Google account, pick the channel, \
            allow; the browser then fails to load http://127.0.0.1:PORT/?code=… — paste that address (or just \
            the code) here. The OAuth client comes from --client-secrets (the JSON Google offers for a Desktop \
            app client) or from the account's existing credentials file. Writes the file that \
            channel.youtube.credentials names (${file:…}), mode 600. No token is printed.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The account id.")
    var account: String

    @Option(help: "Google's client JSON of a Desktop app OAuth client.")
    var clientSecrets: String?

    @Option(help: "The loopback port of the redirect address (nothing has to listen on it).")
    var port: Int = 8765

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535, found \(port).") }
    }

    func run() async throws {
        let runtime = try await Runtime(options: options)
        let account = try decodedAccount(in: runtime)
        let (file, shown) = try credentialsFile(of: account, in: runtime.configDirectory)
        let client = try oauthClient(existing: file)
        let consent = OAuthConsent(
            clientID: client.id, clientSecret: client.secret, redirect: "http://127.0.0.1:\(port)")
        printError("Open this address, sign in with the Google account that owns the channel of '\(account.id)', pick")
        printError("the channel and allow:\n")
        printError(consent.consentURL.absoluteString + "\n")
        printError("Then paste the address the browser was sent to (http://127.0.0.1:\(port)/?code=…) or its code:")
        let line = readLine() ?? ""
        if line.contains("error=") {
            throw CommandFailure("Google sent no code (\(line.trimmingWhitespace())).")
        }
        guard let code = OAuthConsent.code(fromPasted: line) else {
            throw CommandFailure("no code was pasted; run the command again.")
        }
        guard let tokenURL = URL(string: runtime.settings.providers.youtube.tokenURL) else {
            throw CommandFailure("providers.youtube.token_url is not a URL.")
        }
        do {
            let refreshToken = try await consent.exchange(code: code, tokenURL: tokenURL, http: HTTPClient())
            try write(consent.credentialsFile(refreshToken: refreshToken), to: file)
        } catch let failure as StepFailure {
            throw CommandFailure(failure.message)
        }
        print("wrote \(shown) (mode 600); account '\(account.id)' can upload.")
    }

    /// The account as written, even when it has other problems (a pipeline typo must not block the consent).
    private func decodedAccount(in runtime: Runtime) throws -> Account {
        let report = runtime.report.accounts.first { $0.id == self.account }
        guard let account = report?.account else { return try runtime.validAccount(self.account).0 }  // fails with why
        return account
    }

    /// The file `channel.youtube.credentials` names, and how to show it.
    private func credentialsFile(of account: Account, in directory: URL) throws -> (URL, String) {
        guard let reference = account.channel.youtube?.credentials,
            let secret = try? SecretScanner.references(in: reference).first, secret.source == .file
        else {
            throw CommandFailure(
                "account '\(account.id)' has no channel.youtube.credentials file; set it to "
                    + "${file:secrets/\(account.id).json} first.")
        }
        if secret.name.hasPrefix("/") { return (URL(fileURLWithPath: secret.name), secret.name) }
        return (directory.appendingPathComponent(secret.name), options.displayPath(secret.name))
    }

    private func oauthClient(existing file: URL) throws -> (id: String, secret: String) {
        if let clientSecrets {
            guard let text = try? String(contentsOfFile: clientSecrets, encoding: .utf8) else {
                throw CommandFailure("cannot read --client-secrets \(clientSecrets).")
            }
            guard let client = OAuthConsent.client(fromJSON: text) else {
                throw CommandFailure(
                    "\(clientSecrets) has no client_id and client_secret (download it for a Desktop app client).")
            }
            return client
        }
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            let client = OAuthConsent.client(fromJSON: text)
        else {
            throw CommandFailure(
                "no OAuth client: pass --client-secrets FILE (the JSON Google offers for a Desktop app client), or "
                    + "put client_id and client_secret in \(file.path).")
        }
        return client
    }

    /// Written next to the target, created owner-only (never readable by others, even for a moment), then renamed
    /// over it.
    private func write(_ data: Data, to file: URL) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        unlink(temporary.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CommandFailure("cannot create \(temporary.path): \(String(cString: strerror(errno))).")
        }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == data.count, synced, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw CommandFailure("cannot write \(file.path): \(String(cString: strerror(errno))).")
        }
    }
}
