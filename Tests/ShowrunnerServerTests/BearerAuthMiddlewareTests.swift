import Foundation
import Testing

@testable import ShowrunnerServer

struct BearerAuthMiddlewareTests {
    static let token = "s3cret-t0ken"

    @Test func theRightTokenIsLetThrough() async throws {
        try await APIHarness(daemon: FakeDaemon(accounts: Fixtures.accounts), token: Self.token).run { client in
            let standard = try await client.get("/api/accounts")
            #expect(standard.status == 200)
            let lowercaseScheme = try await client.get("/api/accounts", authorization: .header("bearer \(Self.token)"))
            #expect(lowercaseScheme.status == 200)
        }
    }

    @Test(
        arguments: [
            (nil, "This route needs 'Authorization: Bearer <token>' (the api_token of showrunner.yaml)."),
            ("Bearer wrong", "The bearer token is not valid."),
            ("Bearer s3cret-t0ke", "The bearer token is not valid."),
            ("Bearer s3cret-t0ken-and-more", "The bearer token is not valid."),
            (
                "Basic czNjcmV0LXQwa2Vu",
                "The Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'."
            ),
            ("Bearer", "The Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'."),
        ] as [(String?, String)])
    func aMissingOrWrongTokenIs401(_ header: String?, _ message: String) async throws {
        try await APIHarness(daemon: FakeDaemon(accounts: Fixtures.accounts), token: Self.token).run { client in
            let answer = try await client.get("/api/accounts", authorization: header.map { .header($0) } ?? .none)
            #expect(answer.status == 401)
            #expect(answer.errorMessage == message)
            #expect(answer.header("WWW-Authenticate") == "Bearer")
            #expect(!answer.text.contains(Self.token))
        }
    }

    @Test(arguments: [
        ("POST", "/api/scheduler/reload"), ("GET", "/api/openapi.json"), ("GET", "/api/no-such-route"),
        ("GET", "//api/accounts"), ("POST", "/api/runs/r-cook-2/retry"), ("DELETE", "/api/scheduler/jobs/fresh"),
    ])
    func everyAPIPathNeedsTheToken(_ method: String, _ path: String) async throws {
        let daemon = FakeDaemon(jobs: try Fixtures.jobs())
        try await APIHarness(daemon: daemon, token: Self.token).run { client in
            let answer = try await client.send(method, path, authorization: .none)
            #expect(answer.status == 401)
        }
        #expect(await daemon.calls == [])
    }

    @Test func withoutAConfiguredTokenTheAPIIsOpen() async throws {
        try await APIHarness().run { client in
            let anyToken = try await client.get("/api/runs", authorization: .header("Bearer anything"))
            #expect(anyToken.status == 200)
            let noToken = try await client.get("/api/runs", authorization: .none)
            #expect(noToken.status == 200)
        }
    }

    @Test func constantTimeComparisonComparesBytesAndLength() {
        #expect(ConstantTime.equals("s3cret", "s3cret"))
        #expect(!ConstantTime.equals("s3cres", "s3cret"))
        #expect(!ConstantTime.equals("s3cre", "s3cret"))
        #expect(!ConstantTime.equals("s3cret!", "s3cret"))
        #expect(!ConstantTime.equals("", "s3cret"))
        #expect(ConstantTime.equals("", ""))
        #expect(!ConstantTime.equals("é", "e\u{301}"))  // bytes, not Unicode equivalence
        // A length that differs by a multiple of 256 must not fold away.
        #expect(!ConstantTime.equals([UInt8](repeating: 0, count: 256), []))
    }

    @Test func bearerCredentialsAreParsedCaseInsensitively() {
        #expect(BearerAuthMiddleware.bearerCredentials("Bearer abc") == "abc")
        #expect(BearerAuthMiddleware.bearerCredentials("BEARER   abc") == "abc")
        #expect(BearerAuthMiddleware.bearerCredentials("Bearer ") == nil)
        #expect(BearerAuthMiddleware.bearerCredentials("Token abc") == nil)
    }
}
