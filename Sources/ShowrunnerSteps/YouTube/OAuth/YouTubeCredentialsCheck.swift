import Foundation
import ShowrunnerCore

/// The shape of a YouTube credentials file (Google's `authorized_user` JSON: `client_id`, `client_secret`,
/// `refresh_token`; other keys ignored), checked without contacting Google. For `validate` and for the step itself;
/// the problems never quote a value.
public enum YouTubeCredentialsCheck {
    public static let requiredKeys = ["client_id", "client_secret", "refresh_token"]

    /// One sentence per problem; empty when the file has the right shape.
    public static func problems(in text: String) -> [String] {
        guard let data = text.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data),
            let object = json as? [String: Any]
        else {
            return [
                "the credentials are not a JSON object; expected Google's authorized_user JSON with "
                    + "client_id, client_secret and refresh_token."
            ]
        }
        if object["installed"] != nil || object["web"] != nil {
            return [
                "this is an OAuth client file (client_secret.json), not authorized-user credentials; "
                    + "run the consent flow once to get a refresh token and save client_id, client_secret and "
                    + "refresh_token in this file."
            ]
        }
        var problems: [String] = []
        if let type = object["type"], type as? String != "authorized_user" {
            problems.append("the credentials' type must be 'authorized_user' (a service account cannot upload).")
        }
        for key in requiredKeys {
            guard let value = object[key] else {
                problems.append("the credentials have no '\(key)'.")
                continue
            }
            guard let text = value as? String, !text.trimmingWhitespace().isEmpty else {
                problems.append("the credentials' '\(key)' must be a non-empty text.")
                continue
            }
        }
        return problems
    }
}
