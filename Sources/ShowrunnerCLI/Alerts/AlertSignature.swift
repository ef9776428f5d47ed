import Crypto
import Foundation

/// The generic JSON webhook's signature: `X-Showrunner-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
/// `"<t>.<body>"`, so a receiver can check both the sender and the age (replays) with one key.
enum AlertSignature {
    static let header = "X-Showrunner-Signature"
    static let timestampHeader = "X-Showrunner-Timestamp"

    static func value(body: Data, secret: String, timestamp: Int) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=" + code.map { String(format: "%02x", $0) }.joined()
    }
}
