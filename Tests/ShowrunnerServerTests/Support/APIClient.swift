import Foundation
import ShowrunnerCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// URLSession against the test server: no cache, no cookies (LINUX-NOTES "Runtime").
struct APIClient: Sendable {
    let port: Int
    /// Sent as `Authorization: Bearer …` unless a request says otherwise.
    let token: String?
    let session: URLSession

    init(port: Int, token: String?) {
        self.port = port
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    struct Answer: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: ConfigValue { (try? JSONDecoder().decode(ConfigValue.self, from: body)) ?? .null }
        var errorMessage: String? { json["error"]?["message"]?.stringValue }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    enum Authorization {
        /// The client's token (if any).
        case standard
        case none
        case header(String)
    }

    func get(_ path: String, authorization: Authorization = .standard) async throws -> Answer {
        try await send("GET", path, authorization: authorization)
    }

    func post(_ path: String, body: Data? = nil) async throws -> Answer {
        try await send("POST", path, body: body)
    }

    func delete(_ path: String) async throws -> Answer {
        try await send("DELETE", path)
    }

    func send(
        _ method: String, _ path: String, authorization: Authorization = .standard, body: Data? = nil
    ) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        switch authorization {
        case .standard: if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        case .none: break
        case .header(let value): request.setValue(value, forHTTPHeaderField: "Authorization")
        }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            headers["\(name)"] = "\(value)"
        }
        return Answer(status: http.statusCode, headers: headers, body: data)
    }
}
