/// A PostgreSQL store operation that cannot be carried out; the server's own errors (`PSQLError`) pass through.
public enum PostgresStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The run is owned by another process now (its lease was taken over): this process may not write to it.
    case leaseLost(runID: String)
    /// The database was migrated by a newer Showrunner.
    case newerSchema(version: String)
    /// No answer from the server while opening the store.
    case unreachable(seconds: Int)

    public var description: String {
        switch self {
        case .leaseLost(let runID):
            "Run '\(runID)' is owned by another node now; this node's write was refused."
        case .newerSchema(let version):
            "The database was migrated by a newer Showrunner (migration '\(version)'); upgrade before using it."
        case .unreachable(let seconds):
            "The PostgreSQL server did not answer within \(seconds) s."
        }
    }
}
