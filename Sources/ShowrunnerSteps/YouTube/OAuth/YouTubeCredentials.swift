import Foundation
import ShowrunnerCore

/// An account's OAuth client and refresh token, read from the resolved `channel.youtube.credentials` secret.
struct YouTubeCredentials: Sendable, Hashable {
    var clientID: String
    var clientSecret: String
    var refreshToken: String

    /// The values a failure message must never show.
    var secrets: [String] { [clientSecret, refreshToken] }

    /// Parses the secret's text; a file of the wrong shape is a permanent failure that says what is missing.
    static func parse(_ text: String, reference: String) throws(StepFailure) -> YouTubeCredentials {
        let problems = YouTubeCredentialsCheck.problems(in: text)
        guard problems.isEmpty, let data = text.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let clientID = object["client_id"] as? String, let clientSecret = object["client_secret"] as? String,
            let refreshToken = object["refresh_token"] as? String
        else {
            throw StepFailure(
                .permanent, "channel.youtube.credentials \(reference): " + problems.joined(separator: " "))
        }
        let trim = { (text: String) in text.trimmingWhitespace() }
        return YouTubeCredentials(
            clientID: trim(clientID), clientSecret: trim(clientSecret), refreshToken: trim(refreshToken))
    }

    /// Resolves `reference` (`${file:secrets/x.json}`, possibly with text around it) and parses the result.
    static func load(
        reference: String?, accountID: String,
        resolve: SecretReference.Resolver
    ) throws(StepFailure) -> YouTubeCredentials {
        guard let reference = reference?.trimmingWhitespace(), !reference.isEmpty else {
            throw StepFailure(
                .permanent,
                "account '\(accountID)' has no channel.youtube.credentials; set it to ${file:secrets/\(accountID).json}."
            )
        }
        let references: [SecretReference]
        do { references = try SecretScanner.references(in: reference) } catch {
            throw StepFailure(.permanent, "channel.youtube.credentials: \(error.description)")
        }
        guard !references.isEmpty else {
            throw StepFailure(
                .permanent, "channel.youtube.credentials must be a secret reference like ${file:secrets/x.json}.")
        }
        let text = try SecretResolver.resolveAll(in: reference, using: resolve)
        return try parse(text, reference: reference)
    }
}
