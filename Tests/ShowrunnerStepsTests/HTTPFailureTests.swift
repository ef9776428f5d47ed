import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct HTTPFailureTests {
    /// Sun, 08 Mar 2026 09:00:00 GMT.
    let now = Date(timeIntervalSince1970: 1_772_960_400)

    @Test(arguments: [
        ("30", Duration.seconds(30)),
        (" 0 ", .seconds(0)),
        ("Sun, 08 Mar 2026 09:01:30 GMT", .seconds(90)),
        ("Sunday, 08-Mar-26 09:00:05 GMT", .seconds(5)),
        ("Sun Mar  8 09:00:10 2026", .seconds(10)),
        ("Sun, 08 Mar 2026 08:00:00 GMT", .zero),
    ])
    func retryAfterIsSecondsOrADate(_ header: String, _ expected: Duration) {
        #expect(HTTPFailure.retryAfter(header, now: now) == expected)
    }

    @Test(arguments: ["-5", "soon", ""])
    func aBadRetryAfterIsIgnored(_ header: String) {
        #expect(HTTPFailure.retryAfter(header, now: now) == nil)
    }

    @Test(
        arguments: [
            (200, "", nil),
            (302, "", FailureKind.permanent),
            (400, #"{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}"#, .auth),
            (400, #"{"error": "invalid_request"}"#, .permanent),
            (403, #"{"error": {"errors": [{"reason": "quotaExceeded"}], "message": "quota"}}"#, .quota),
            (403, #"{"error": {"errors": [{"reason": "rateLimitExceeded"}]}}"#, .rateLimit),
            (502, "", .transient),
        ] as [(Int, String, FailureKind?)])
    func statusesAndBodiesMapToKinds(_ status: Int, _ body: String, _ kind: FailureKind?) {
        let failure = HTTPFailure.classify(status: status, headers: [:], body: Data(body.utf8), now: now)
        #expect(failure?.kind == kind)
    }

    @Test(arguments: [
        (
            #"{"error": {"message": "Incorrect API key provided."}}"#,
            "the request got HTTP 401: Incorrect API key provided."
        ),
        (
            #"{"error": "invalid_grant", "error_description": "Bad Request"}"#,
            "the request got HTTP 401: invalid_grant: Bad Request."
        ),
        (
            "<html>\n  <body>Unauthorized</body>\n</html>",
            "the request got HTTP 401: <html> <body>Unauthorized</body> </html>."
        ),
        ("", "the request got HTTP 401."),
    ])
    func theMessageQuotesTheErrorText(_ body: String, _ message: String) {
        let failure = HTTPFailure.classify(status: 401, headers: [:], body: Data(body.utf8), now: now)
        #expect(failure?.message == message)
    }

    @Test(arguments: [(429, Duration?.some(.seconds(3))), (503, .seconds(3)), (401, nil), (404, nil)])
    func retryAfterIsKeptForRetryableKindsWhateverTheHeaderCase(_ status: Int, _ expected: Duration?) {
        let failure = HTTPFailure.classify(status: status, headers: ["retry-after": "3"], body: Data(), now: now)
        #expect(failure?.retryAfter == expected)
    }
}
