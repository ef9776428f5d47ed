import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerSteps

/// `showrunner auth youtube`'s pieces: the consent URL, the pasted code, the client JSON, the exchange.
struct OAuthConsentTests {
    static let consent = OAuthConsent(
        clientID: "123-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-s3cr3t", redirect: "http://127.0.0.1:8765"
    )

    @Test func theConsentURLAsksForAnOfflineTokenWithBothScopes() throws {
        let components = try #require(URLComponents(url: Self.consent.consentURL, resolvingAgainstBaseURL: false))
        let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(components.host == "accounts.google.com")
        #expect(components.path == "/o/oauth2/v2/auth")
        #expect(query["response_type"] == "code")
        #expect(query["access_type"] == "offline")
        #expect(query["prompt"] == "consent")
        #expect(query["client_id"] == "123-abc.apps.googleusercontent.com")
        #expect(query["redirect_uri"] == "http://127.0.0.1:8765")
        #expect(query["scope"]?.split(separator: " ").count == 2)
        #expect(!Self.consent.consentURL.absoluteString.contains("s3cr3t"))
    }

    @Test(
        arguments: [
            ("4/0AfakeCode", "4/0AfakeCode"),
            ("  4/0AfakeCode\n", "4/0AfakeCode"),
            ("http://127.0.0.1:8765/?code=4/0AfakeCode&scope=https://www.googleapis.com/auth/youtube", "4/0AfakeCode"),
            ("http://127.0.0.1:8765/?code=4%2F0AfakeCode&scope=x", "4/0AfakeCode"),
            ("code=4/0AfakeCode&scope=x", "4/0AfakeCode"),
            ("http://127.0.0.1:8765/?error=access_denied", nil),
            ("http://127.0.0.1:8765/?code=&scope=x", nil),
            ("", nil),
            ("not a code", nil),
        ] as [(String, String?)])
    func thePastedCode(_ pasted: String, _ expected: String?) {
        #expect(OAuthConsent.code(fromPasted: pasted) == expected)
    }

    @Test(
        arguments: [
            (
                #"{"installed": {"client_id": "id-1", "client_secret": "s-1", "redirect_uris": ["http://localhost"]}}"#,
                "id-1"
            ),
            (#"{"web": {"client_id": "id-2", "client_secret": "s-2"}}"#, "id-2"),
            (#"{"type": "authorized_user", "client_id": "id-3", "client_secret": "s-3"}"#, "id-3"),
            (#"{"installed": {"client_id": "id-4"}}"#, nil),
            (#"{"client_id": "", "client_secret": "s"}"#, nil),
            ("not json", nil),
        ] as [(String, String?)])
    func theClientJSON(_ text: String, _ expectedID: String?) {
        #expect(OAuthConsent.client(fromJSON: text)?.id == expectedID)
    }

    @Test func aGoodCodeGivesARefreshTokenOnceAndTheFileValidates() async throws {
        let server = try FakeYouTubeServer()
        defer { server.stop() }
        let tokenURL = try #require(URL(string: server.tokenURL))
        let token = try await Self.consent.exchange(
            code: FakeYouTubeServer.consentCode, tokenURL: tokenURL, http: HTTPClient())
        #expect(token == FakeYouTubeServer.consentRefreshToken)
        let file = String(decoding: Self.consent.credentialsFile(refreshToken: token), as: UTF8.self)
        #expect(YouTubeCredentialsCheck.problems(in: file).isEmpty)
        let credentials = try YouTubeCredentials.parse(file, reference: "${file:secrets/x.json}")
        #expect(credentials.refreshToken == token && credentials.clientSecret == "GOCSPX-s3cr3t")

        let again = await #expect(throws: StepFailure.self) {
            _ = try await Self.consent.exchange(
                code: FakeYouTubeServer.consentCode, tokenURL: tokenURL, http: HTTPClient())
        }
        #expect(again?.message.contains("a code works once") == true)
        #expect(again?.message.contains("s3cr3t") == false)
    }
}
