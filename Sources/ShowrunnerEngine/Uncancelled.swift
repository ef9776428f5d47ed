/// Runs `work` in a task that does not inherit the caller's cancellation: the store writes that record how a
/// cancelled run ended must still happen (GRDB's async calls refuse to start in a cancelled task).
func uncancelled<Result: Sendable>(_ work: @escaping @Sendable () async throws -> Result) async throws -> Result {
    try await Task { try await work() }.value
}
