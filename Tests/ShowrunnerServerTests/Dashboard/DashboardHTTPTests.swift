import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore
import Testing

@testable import ShowrunnerServer

/// The dashboard over real HTTP: sign-in, refusal without the token, CSRF, security headers, artifacts with
/// ranges and no traversal, and SSE resume.
struct DashboardHTTPTests {
    static let token = "dash-s3cret-token"

    /// Serves the API with the dashboard over `store` and a state folder holding run `r-cook-1`'s video.
    func serve(
        daemon: FakeDaemon = FakeDaemon(accounts: Fixtures.accounts, cancellable: []),
        _ body: (RawHTTP, LiveEventHub, URL) async throws -> Void
    ) async throws {
        let store = try await Fixtures.store()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("dash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let folder = state.appendingPathComponent("runs/r-cook-1/video")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((0..<1000).map { UInt8($0 % 251) }).write(to: folder.appendingPathComponent("short.mp4"))
        try Data("top secret".utf8).write(to: state.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("escape.mp4"),
            withDestinationURL: state.appendingPathComponent("secret.txt"))
        let hub = LiveEventHub()
        let servedAt = Date()  // a frozen clock: the fake daemon's heartbeat stays fresh however slow the machine is
        let dashboard = Dashboard(events: hub, stateDirectory: state, redactor: Redactor(secrets: [Self.token]))
        let router = makeAPI(
            control: daemon, runs: store, prometheus: nil, token: Self.token, logger: .silent, now: { servedAt },
            dashboard: dashboard)
        try await APIHarness.serve(logger: .silent) { onRunning in
            APIServer(router: router, host: "127.0.0.1", port: 0, logger: .silent, onServerRunning: onRunning)
        } body: { port in
            try await body(RawHTTP(port: port), hub, state)
        }
    }

    /// Signs in; returns the session cookie (`name=value`) and the page's CSRF token.
    func signIn(_ http: RawHTTP) async throws -> (cookie: String, csrf: String) {
        let answer = try await http.send(
            "POST", "/signin", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: "token=\(Self.token)&next=%2Fchannels")
        #expect(answer.status == 303)
        let setCookie = try #require(answer.header("Set-Cookie"))
        #expect(setCookie.contains("HttpOnly"))
        #expect(setCookie.contains("SameSite=Strict"))
        let cookie = String(setCookie.split(separator: ";")[0])
        let page = try await http.send("GET", "/channels", headers: ["Cookie": cookie])
        let csrf = try #require(
            page.text.components(separatedBy: "name=\"csrf-token\" content=\"").dropFirst().first?
                .split(separator: "\"").first)
        return (cookie, String(csrf))
    }

    @Test func withoutTheTokenEveryPageAndRouteButHealthIsRefused() async throws {
        try await serve { http, _, _ in
            for path in [
                "/", "/channels", "/runs", "/runs/r-cook-1", "/config", "/assets/dashboard.js",
                "/runs/r-cook-1/artifacts/video/short.mp4", "/api/runs", "/api/events", "/nowhere",
            ] {
                let answer = try await http.send("GET", path)
                #expect(answer.status == 401, "\(path)")
                #expect(!answer.text.contains("cooking-daily"), "\(path)")
            }
            let post = try await http.send("POST", "/ui/channels/cooking-daily/pause", body: "")
            #expect(post.status == 401)
            let wrong = try await http.send(
                "POST", "/signin", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: "token=nope")
            #expect(wrong.status == 401)
            #expect(wrong.header("Set-Cookie") == nil)
            let health = try await http.send("GET", "/healthz")
            #expect(health.status == 200)
        }
    }

    @Test func aSignedInBrowserSeesPagesWithTheSecurityHeaders() async throws {
        try await serve { http, _, _ in
            let (cookie, _) = try await signIn(http)
            for path in ["/channels", "/runs", "/runs/r-cook-2", "/config", "/upcoming"] {
                let answer = try await http.send("GET", path, headers: ["Cookie": cookie])
                #expect(answer.status == 200, "\(path)")
                #expect(answer.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
                #expect(!answer.text.contains(Self.token), "\(path)")
            }
            let runs = try await http.send("GET", "/runs?account=cooking-daily", headers: ["Cookie": cookie]).text
            #expect(runs.contains("r-cook-2"))
            let read = try await http.send("GET", "/api/runs", headers: ["Cookie": cookie])
            #expect(read.status == 200)
            // The cookie reads the API but never posts to it.
            let write = try await http.send("POST", "/api/scheduler/reload", headers: ["Cookie": cookie])
            #expect(write.status == 401)
        }
    }

    @Test func aDashboardPostNeedsTheSessionsCSRFToken() async throws {
        let daemon = FakeDaemon(accounts: Fixtures.accounts)
        try await serve(daemon: daemon) { http, _, _ in
            let (cookie, csrf) = try await signIn(http)
            let form = ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"]
            let missing = try await http.send(
                "POST", "/ui/channels/cooking-daily/pause", headers: form, body: "back=%2Fruns")
            #expect(missing.status == 403)
            let wrong = try await http.send(
                "POST", "/ui/channels/cooking-daily/pause", headers: form, body: "csrf=guess")
            #expect(wrong.status == 403)
            #expect(await daemon.calls.isEmpty)
            let good = try await http.send(
                "POST", "/ui/channels/cooking-daily/pause", headers: form, body: "csrf=\(csrf)&back=%2Fchannels")
            #expect(good.status == 303)
            #expect(good.header("Location") == "/channels")
            #expect(await daemon.calls == [.pause("cooking-daily")])
            let page = try await http.send("GET", "/channels", headers: ["Cookie": cookie]).text
            #expect(page.contains("class=\"badge paused\""))
        }
    }

    @Test func theVideoIsServedInRangesAndNothingOutsideTheRunsFolder() async throws {
        try await serve { http, _, _ in
            let (cookie, _) = try await signIn(http)
            let base = "/runs/r-cook-1/artifacts/video"
            let whole = try await http.send("GET", "\(base)/short.mp4", headers: ["Cookie": cookie])
            #expect(whole.status == 200)
            #expect(whole.body.count == 1000)
            #expect(whole.header("Accept-Ranges") == "bytes")
            let part = try await http.send(
                "GET", "\(base)/short.mp4", headers: ["Cookie": cookie, "Range": "bytes=100-199"])
            #expect(part.status == 206)
            #expect(part.header("Content-Range") == "bytes 100-199/1000")
            #expect(part.body == Data((100..<200).map { UInt8($0 % 251) }))
            let past = try await http.send(
                "GET", "\(base)/short.mp4", headers: ["Cookie": cookie, "Range": "bytes=5000-"])
            #expect(past.status == 416)
            for path in [
                "\(base)/escape.mp4", "\(base)/..%2F..%2F..%2Fsecret.txt",
                "/runs/r-cook-1/artifacts/..%2F..%2F/secret.txt",
                "/runs/r-cook-1/artifacts/video/%2E%2E", "/runs/..%2F..%2Fsecret.txt/artifacts/a/b",
                "/runs/r-cook-2/artifacts/video/short.mp4",
            ] {
                let answer = try await http.send("GET", path, headers: ["Cookie": cookie])
                #expect(answer.status == 404, "\(path)")
                #expect(!answer.text.contains("top secret"), "\(path)")
            }
        }
    }

    @Test func eventsResumeAfterTheLastEventID() async throws {
        try await serve { http, hub, _ in
            for index in 1...3 { hub.publish(.runQueued, ["run_id": "r\(index)"]) }
            let answer = try await http.send(
                "GET", "/api/events", headers: ["Authorization": "Bearer \(Self.token)", "Last-Event-ID": "1"],
                until: "id: 3")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "text/event-stream")
            #expect(!answer.text.contains("id: 1\n"))
            #expect(answer.text.contains("id: 2\nevent: run.queued\ndata: {\"run_id\":\"r2\"}"))
            #expect(answer.text.contains("id: 3\n"))
        }
    }
}
