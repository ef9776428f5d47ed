import Foundation
import Testing

@testable import ShowrunnerSteps

/// The shape of a credentials file, as `validate` and the step check it.
struct YouTubeCredentialsCheckTests {
    @Test(arguments: [
        (#"{"type": "authorized_user", "client_id": "a", "client_secret": "b", "refresh_token": "c", "x": 1}"#, []),
        (#"{"client_id": "a", "client_secret": "b", "refresh_token": "c"}"#, []),
        (#"{"client_id": "a", "client_secret": "b"}"#, ["the credentials have no 'refresh_token'."]),
        (
            #"{"client_id": "", "client_secret": 7, "refresh_token": "c"}"#,
            [
                "the credentials' 'client_id' must be a non-empty text.",
                "the credentials' 'client_secret' must be a non-empty text.",
            ]
        ),
        (
            #"{"type": "service_account", "client_id": "a", "client_secret": "b", "refresh_token": "c"}"#,
            [
                "the credentials' type must be 'authorized_user' (a service account cannot upload)."
            ]
        ),
        (
            "refresh_token=abc",
            [
                "the credentials are not a JSON object; expected Google's authorized_user JSON with client_id, "
                    + "client_secret and refresh_token."
            ]
        ),
    ])
    func problems(_ text: String, _ expected: [String]) {
        #expect(YouTubeCredentialsCheck.problems(in: text) == expected)
    }

    @Test func anOAuthClientFileIsExplained() {
        let problems = YouTubeCredentialsCheck.problems(in: #"{"installed": {"client_id": "a", "client_secret": "b"}}"#)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("not authorized-user credentials") == true)
    }

    @Test func problemsNeverQuoteAValue() {
        let problems = YouTubeCredentialsCheck.problems(
            in: #"{"type": "secret-type-value", "client_id": "a", "refresh_token": "1//secret"}"#)
        #expect(!problems.joined().contains("secret-type-value"))
        #expect(!problems.joined().contains("1//secret"))
    }
}
