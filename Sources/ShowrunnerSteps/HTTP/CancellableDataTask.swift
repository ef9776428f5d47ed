import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One URLSession request whose Swift-task cancellation cancels it without deadlocking. swift-corelibs-foundation's
/// `URLSession.data(for:)` cancels its task from inside the cancellation handler, which holds the Swift task's
/// status lock, with a `sync` onto the session's queue; when the request completes at that moment the session's
/// queue resumes the continuation, which needs that same lock, and both threads wait forever (seen as a hung test
/// process: a thread in `URLSessionTask.cancel` under `swift_task_cancel`, another in `resume` under
/// `urlProtocolDidFinishLoading`). Here the cancel is sent from another queue, so no lock is held while it runs.
final class CancellableDataTask: Sendable {
    private struct State {
        var task: URLSessionDataTask?
        var cancelled = false
    }

    private let state = Mutex(State())

    /// The body and response of `request`; throws the transport error (`URLError.cancelled` once cancelled).
    static func data(for request: URLRequest, in session: URLSession) async throws -> (Data, URLResponse) {
        let call = CancellableDataTask()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let data, let response {
                        continuation.resume(returning: (data, response))
                    } else {
                        continuation.resume(throwing: error ?? URLError(.badServerResponse))
                    }
                }
                call.start(task)
            }
        } onCancel: {
            call.cancel()
        }
    }

    private func start(_ task: URLSessionDataTask) {
        let cancelled = state.withLock { state in
            state.task = task
            return state.cancelled
        }
        task.resume()
        if cancelled { Self.cancelElsewhere(task) }
    }

    private func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        if let task { Self.cancelElsewhere(task) }
    }

    private static func cancelElsewhere(_ task: URLSessionDataTask) {
        DispatchQueue.global().async { task.cancel() }
    }
}
