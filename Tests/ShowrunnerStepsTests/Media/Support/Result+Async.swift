import ShowrunnerCore

/// A step's outcome, caught, for tests that look at failures.
extension Result where Failure == any Error {
    init(asyncCatching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }

    var failure: StepFailure? {
        if case .failure(let error) = self { return error as? StepFailure }
        return nil
    }
}
