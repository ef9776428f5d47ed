import Hummingbird
import ShowrunnerEngine

/// `/api/accounts`: accounts with their status, and persistent pause/resume.
struct AccountsController {
    let control: any DaemonControl

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/accounts", use: list)
        router.get("/api/accounts/{id}", use: show)
        router.post("/api/accounts/{id}/pause", use: pause)
        router.post("/api/accounts/{id}/resume", use: resume)
    }

    @Sendable func list(_ request: Request, context: BasicRequestContext) async throws -> AccountListDTO {
        AccountListDTO(accounts: await control.accounts().map(AccountDTO.init))
    }

    @Sendable func show(_ request: Request, context: BasicRequestContext) async throws -> AccountDTO {
        try await account(try context.parameters.require("id"))
    }

    /// Answers the account as it is after the change.
    @Sendable func pause(_ request: Request, context: BasicRequestContext) async throws -> AccountDTO {
        let id = try context.parameters.require("id")
        guard try await control.pause(accountID: id) else { throw Self.unknown(id) }
        return try await account(id)
    }

    @Sendable func resume(_ request: Request, context: BasicRequestContext) async throws -> AccountDTO {
        let id = try context.parameters.require("id")
        guard try await control.resume(accountID: id) else { throw Self.unknown(id) }
        return try await account(id)
    }

    private func account(_ id: String) async throws -> AccountDTO {
        guard let account = await control.account(id: id) else { throw Self.unknown(id) }
        return AccountDTO(account: account)
    }

    static func unknown(_ id: String) -> HTTPError {
        HTTPError(.notFound, message: "No account with id '\(id)'.")
    }
}
