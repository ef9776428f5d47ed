import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct HTTPStepTests {
    let fixture: StepFixture
    let step = HTTPStep(client: HTTPClient(timeout: .seconds(60)))
    init() throws { fixture = try StepFixture() }

    private func withServer<T>(
        _ replies: [FakeHTTPServer.Reply], _ body: (FakeHTTPServer) async throws -> T
    )
        async throws -> T
    {
        let server = try FakeHTTPServer(replies: replies)
        defer { server.stop() }
        return try await body(server)
    }

    @Test func aJSONReplyIsParsed() async throws {
        let reply = FakeHTTPServer.Reply.respond(
            status: 200, headers: ["Content-Type": "application/json"], body: #"{"ok": true, "items": [1, "two"]}"#)
        let result = try await withServer([reply]) { server in
            try await step.run(fixture.context(["url": .string("\(server.baseURL)/status")]))
        }
        #expect(result.outputs["status"] == .int(200))
        #expect(result.outputs["body"] == .string(#"{"ok": true, "items": [1, "two"]}"#))
        #expect(result.outputs["json"] == .map(["ok": .bool(true), "items": .list([.int(1), .string("two")])]))
    }

    @Test func aTextReplyHasNoJSON() async throws {
        let result = try await withServer([.respond(status: 204)]) { server in
            try await step.run(fixture.context(["url": .string(server.baseURL)]))
        }
        #expect(result.outputs == ["status": .int(204), "body": .string(""), "json": .null])
    }

    @Test func theMethodHeadersAndJSONBodyAreSent() async throws {
        let (result, requests) = try await withServer([.respond(status: 201)]) { server in
            let inputs: [String: ConfigValue] = [
                "url": .string("\(server.baseURL)/hooks?x=1"), "method": .string("post"),
                "headers": .map(["X-Token": .string("abc"), "X-Count": .int(2)]),
                "body": .map(["title": .string("Pasta"), "tags": .strings("a", "b")]),
                "expect_status": .int(201),
            ]
            return (try await step.run(fixture.context(inputs)), server.requests)
        }
        #expect(result.outputs["status"] == .int(201))
        let request = try #require(requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/hooks?x=1")
        #expect(request.headers["x-token"] == "abc")
        #expect(request.headers["x-count"] == "2")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["user-agent"] == "Showrunner/0.1")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"tags":["a","b"],"title":"Pasta"}"#)
    }

    @Test func aTextBodyIsSentAsItIs() async throws {
        let requests = try await withServer([.respond(status: 200)]) { server in
            let inputs: [String: ConfigValue] = [
                "url": .string(server.baseURL), "method": .string("PUT"), "body": .string("plain text"),
                "headers": .map(["Content-Type": .string("text/plain")]),
            ]
            _ = try await step.run(fixture.context(inputs))
            return server.requests
        }
        #expect(requests.first.map { String(decoding: $0.body, as: UTF8.self) } == "plain text")
        #expect(requests.first?.headers["content-type"] == "text/plain")
    }

    @Test(
        arguments: [
            (429, ["Retry-After": "7"], FailureKind.rateLimit, Duration.seconds(7)),
            (503, ["Retry-After": "120"], .transient, .seconds(120)),
            (500, [:], .transient, nil),
            (408, [:], .transient, nil),
            (401, [:], .auth, nil),
            (403, [:], .auth, nil),
            (404, [:], .permanent, nil),
            (422, [:], .permanent, nil),
        ] as [(Int, [String: String], FailureKind, Duration?)])
    func anErrorStatusFailsWithItsKind(
        _ status: Int, _ headers: [String: String], _ kind: FailureKind, _ retryAfter: Duration?
    ) async throws {
        let failure = try await withServer([.respond(status: status, headers: headers, body: "nope")]) { server in
            await stepFailure { try await step.run(fixture.context(["url": .string("\(server.baseURL)/x")])) }
        }
        #expect(failure?.kind == kind)
        #expect(failure?.retryAfter == retryAfter)
        #expect(failure?.message.hasSuffix("/x got HTTP \(status): nope.") == true, "\(String(describing: failure))")
    }

    @Test func expectStatusDecidesWhatSucceeds() async throws {
        let (notFound, unexpected) = try await withServer([.respond(status: 404), .respond(status: 200)]) { server in
            let url = ConfigValue.string(server.baseURL)
            let notFound = try await step.run(fixture.context(["url": url, "expect_status": .strings("404", "410")]))
            let unexpected = await stepFailure {
                try await step.run(fixture.context(["url": url, "expect_status": .list([.int(201), .int(202)])]))
            }
            return (notFound, unexpected)
        }
        #expect(notFound.outputs["status"] == .int(404))
        #expect(unexpected?.kind == .permanent, "\(String(describing: unexpected))")
        #expect(unexpected?.message.hasSuffix("got HTTP 200; expected 201, 202.") == true)
    }

    @Test func aDroppedConnectionIsTransient() async throws {
        let failure = try await withServer([.dropConnection, .dropConnection]) { server in
            await stepFailure { try await step.run(fixture.context(["url": .string(server.baseURL)])) }
        }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.hasPrefix("GET http://127.0.0.1:") == true, "\(String(describing: failure))")
    }

    @Test func aRefusedConnectionIsTransient() async throws {
        let server = try FakeHTTPServer(replies: [])
        server.stop()
        let failure = await stepFailure { try await step.run(fixture.context(["url": .string(server.baseURL)])) }
        #expect(failure?.kind == .transient)
        // Failed at once on the refusal (the step's retry policy decides), not retried until the 60 s deadline.
        #expect(failure?.message.contains("failed: ") == true, "\(String(describing: failure))")
        #expect(failure?.message.contains("timed out") == false, "\(String(describing: failure))")
    }

    @Test func aReplyLargerThanTheLimitFailsAndIsNotKept() async throws {
        let step = HTTPStep(client: HTTPClient(timeout: .seconds(60), maxBodyBytes: 1024))
        let (small, large) = try await withServer([
            .respond(status: 200, body: String(repeating: "a", count: 1024)),
            .respond(status: 200, body: String(repeating: "b", count: 4096)),
        ]) { server in
            let context = fixture.context(["url": .string(server.baseURL)])
            return (try await step.run(context), await stepFailure { try await step.run(context) })
        }
        #expect(small.outputs["body"] == .string(String(repeating: "a", count: 1024)))
        #expect(large?.kind == .permanent)
        #expect(large?.message.hasSuffix("got a reply larger than 1024 bytes.") == true, "\(String(describing: large))")
    }

    @Test(
        arguments: zip(
            [Duration.milliseconds(300), .seconds(60), .seconds(Int64.max / 1_000_000_000 + 1), .seconds(Int64.max)],
            [Int64(300_000_000), 60_000_000_000, .max, .max]))
    func aDeadlineIsInNanosecondsAndAHugeOneIsTheLatest(_ duration: Duration, _ expected: Int64) {
        #expect(duration.nanoseconds == expected)
    }

    @Test func aRepeatedHeaderFieldIsJoinedWhateverItsCase() async throws {
        let response = try await withServer([.respond(status: 200, headers: ["X-Tag": "a", "x-tag": "b"])]) { server in
            try await HTTPClient().send(HTTPRequest(url: try #require(URL(string: server.baseURL))))
        }
        #expect(["a, b", "b, a"].contains(response.header("X-TAG")), "\(response.headers)")
    }

    @Test func aURLTheClientCannotSendIsPermanent() async throws {
        let request = HTTPRequest(url: try #require(URL(string: "ftp://127.0.0.1/x")))
        let failure = await #expect(throws: StepFailure.self) { try await HTTPClient().send(request) }
        #expect(failure?.kind == .permanent, "\(String(describing: failure))")
        #expect(failure?.message == "GET ftp://127.0.0.1/x cannot be sent: unsupported scheme.")
    }

    @Test func aReplyThatNeverComesTimesOut() async throws {
        let step = HTTPStep(client: HTTPClient(timeout: .milliseconds(300)))
        let failure = try await withServer([.hang]) { server in
            await stepFailure { try await step.run(fixture.context(["url": .string(server.baseURL)])) }
        }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.contains("timed out") == true, "\(String(describing: failure))")
    }

    @Test(.timeLimit(.minutes(1))) func aBodyThatStopsComingTimesOut() async throws {
        let step = HTTPStep(client: HTTPClient(timeout: .milliseconds(300)))
        let failure = try await withServer([.stallBody]) { server in
            await stepFailure { try await step.run(fixture.context(["url": .string(server.baseURL)])) }
        }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.hasSuffix("timed out after 300ms.") == true, "\(String(describing: failure))")
    }

    @Test(.timeLimit(.minutes(1))) func cancellingTheTaskCancelsTheRequest() async throws {
        let server = try FakeHTTPServer(replies: [.hang])
        defer { server.stop() }
        let context = fixture.context(["url": .string(server.baseURL)])
        let task = Task { [step] in try await step.run(context) }
        await server.received(1)
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func secretsAreRedactedInFailures() async throws {
        let redact: @Sendable (String) -> String = { $0.replacingOccurrences(of: "k3y-value", with: "***") }
        let failure = try await withServer([.respond(status: 400, body: "bad key k3y-value")]) { server in
            await stepFailure {
                try await step.run(
                    fixture.context(["url": .string("\(server.baseURL)/?key=k3y-value")], redact: redact))
            }
        }
        #expect(
            failure?.message.hasSuffix("/?key=*** got HTTP 400: bad key ***.") == true, "\(String(describing: failure))"
        )
    }

    @Test(arguments: [
        (["url": ConfigValue.string("ftp://example.com/x")], "must be an http:// or https:// URL"),
        (["url": .string("not a url")], "must be an http:// or https:// URL"),
        (["url": .string("http://127.0.0.1:1/"), "method": .string("GET /")], "input 'method'"),
        (["url": .string("http://127.0.0.1:1/"), "expect_status": .string("ok")], "input 'expect_status'"),
    ])
    func badInputFailsPermanently(_ inputs: [String: ConfigValue], _ message: String) async throws {
        let failure = await stepFailure { try await step.run(fixture.context(inputs)) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains(message) == true, "\(String(describing: failure))")
    }

    @Test func aDryRunDescribesTheRequest() async throws {
        let context = fixture.context(
            ["url": .string("https://api.example.com/v1?token=t0ken-value"), "method": .string("delete")],
            redact: { $0.replacingOccurrences(of: "t0ken-value", with: "***") })
        let result = try await step.dryRun(context)
        #expect(result.outputs["description"] == .string("would send DELETE https://api.example.com/v1?token=***"))
    }
}
