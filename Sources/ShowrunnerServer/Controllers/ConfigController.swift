import Hummingbird
import ShowrunnerEngine

/// `/api/config/diagnostics`: the config's current errors and warnings.
struct ConfigController {
    let control: any DaemonControl

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/config/diagnostics", use: diagnostics)
    }

    @Sendable func diagnostics(_ request: Request, context: BasicRequestContext) async throws -> DiagnosticListDTO {
        DiagnosticListDTO(diagnostics: await control.diagnostics().map(DiagnosticDTO.init))
    }
}
