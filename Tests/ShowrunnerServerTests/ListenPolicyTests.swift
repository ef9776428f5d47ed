import Foundation
import ShowrunnerStore
import Testing

@testable import ShowrunnerServer

struct ListenPolicyTests {
    @Test(arguments: ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "127.0.0.2:0"])
    func loopbackNeedsNoToken(_ address: String) throws {
        try ListenPolicy.check(address: address, token: nil)
    }

    @Test(arguments: ["0.0.0.0:8080", "192.168.1.10:8080", "[::]:8080", "example.com:80"])
    func beyondLoopbackATokenIsRequired(_ address: String) throws {
        #expect(throws: ListenPolicy.ListenError.tokenRequired(address: address)) {
            try ListenPolicy.check(address: address, token: nil)
        }
        #expect(throws: ListenPolicy.ListenError.tokenRequired(address: address)) {
            try ListenPolicy.check(address: address, token: "")
        }
        let bound = try ListenPolicy.check(address: address, token: "s3cret")
        #expect(addressText(bound) == address)
    }

    @Test(arguments: ["8080", "127.0.0.1", "127.0.0.1:http", ":8080", "127.0.0.1:70000"])
    func aMalformedAddressIsRefused(_ address: String) {
        #expect(throws: ListenPolicy.ListenError.malformedAddress(address)) {
            try ListenPolicy.check(address: address, token: "s3cret")
        }
    }

    @Test func theRefusalSaysWhatToDo() {
        let message = ListenPolicy.ListenError.tokenRequired(address: "0.0.0.0:8080").description
        #expect(message.contains("api_token"))
        #expect(message.contains("127.0.0.1:8080"))
    }

    @Test func theServerRefusesToStartBeyondLoopbackWithoutAToken() async throws {
        #expect(throws: ListenPolicy.ListenError.tokenRequired(address: "0.0.0.0:0")) {
            _ = try APIServer(
                control: FakeDaemon(), runs: try SQLiteStore.inMemory(), prometheus: nil, token: nil,
                listen: "0.0.0.0:0", logger: .silent)
        }
    }

    @Test func thePublicInitializerServesOnTheBoundPort() async throws {
        let store = try await Fixtures.store()
        try await APIHarness.serve(logger: .silent) { onRunning in
            try APIServer(
                control: FakeDaemon(), runs: store, prometheus: nil, token: "s3cret", listen: "127.0.0.1:0",
                logger: .silent, onServerRunning: onRunning)
        } body: { port in
            #expect(port > 0)
            let client = APIClient(port: port, token: "s3cret")
            defer { client.session.invalidateAndCancel() }
            let answer = try await client.get("/api/runs?limit=1")
            #expect(answer.json["runs"]?[0]?["id"]?.stringValue == "r-cook-3")
        }
    }
}

private func addressText(_ bound: (host: String, port: Int)) -> String {
    bound.host.contains(":") ? "[\(bound.host)]:\(bound.port)" : "\(bound.host):\(bound.port)"
}
