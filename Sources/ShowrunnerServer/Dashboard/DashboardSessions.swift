import Foundation
import Synchronization

/// Signed-in browsers: a random session id (the HttpOnly cookie) with its own random CSRF token, kept in memory
/// (a restart signs everyone out). At most `capacity` sessions; the oldest goes first.
final class DashboardSessions: Sendable {
    struct Session: Sendable, Equatable {
        let id: String
        let csrf: String
    }

    static let cookieName = "showrunner_session"
    let capacity: Int
    private let sessions = Mutex<(byID: [String: Session], order: [String])>(([:], []))

    init(capacity: Int = 1000) {
        self.capacity = capacity
    }

    func create() -> Session {
        let session = Session(id: Self.randomToken(), csrf: Self.randomToken())
        sessions.withLock { state in
            state.byID[session.id] = session
            state.order.append(session.id)
            while state.order.count > capacity { state.byID[state.order.removeFirst()] = nil }
        }
        return session
    }

    func session(id: String?) -> Session? {
        guard let id, !id.isEmpty else { return nil }
        return sessions.withLock { $0.byID[id] }
    }

    func remove(id: String) {
        sessions.withLock { state in
            state.byID[id] = nil
            state.order.removeAll { $0 == id }
        }
    }

    /// The `Set-Cookie` value for `session`: HttpOnly, SameSite=Strict, the whole site.
    static func cookie(_ session: Session) -> String {
        "\(cookieName)=\(session.id); Path=/; HttpOnly; SameSite=Strict"
    }

    static let clearingCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// 32 random bytes as hex, from the system's secure generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }
}
