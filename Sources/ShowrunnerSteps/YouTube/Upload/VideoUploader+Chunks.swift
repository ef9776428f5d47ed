import Foundation
import ShowrunnerCore

extension VideoUploader {
    /// Sends chunks from `start` until the server has everything (or forgot the session). After a dropped
    /// connection or a 5xx the session is asked what arrived; a chunk that made no progress is a setback too.
    func send(
        _ plan: YouTubeUploadPlan, to uri: String, from start: Int, record: UploadSession
    ) async throws -> UploadProgress {
        let reader = try VideoFileReader(plan.video)
        let total = plan.videoSize
        var (offset, setbacks, recorded, askFirst) = (start, 0, -1, false)
        while true {
            let answer: UploadProgress
            do {
                if askFirst {
                    answer = try await session.status(uri, total: total)
                } else {
                    let chunk = try reader.chunk(at: offset, length: min(plan.chunkSize, total - offset))
                    answer = try await session.send(chunk, to: uri, offset: offset, total: total)
                }
            } catch {
                try await setback(&setbacks, error)
                askFirst = true
                continue
            }
            guard case .incomplete(let received) = answer else { return answer }
            let wasQuery = askFirst
            askFirst = received >= total
            if askFirst {
                let stuck = StepFailure(.transient, "the upload session holds all \(total) bytes but no video yet.")
                try await setback(&setbacks, stuck)
                continue
            }
            if received > offset {
                setbacks = 0
            } else if !wasQuery {
                try await setback(&setbacks, StepFailure(.transient, "a chunk from byte \(offset) made no progress."))
            }
            if received != recorded {
                try await uploads.recordUploadedBytes(received, uploadID: record.id, at: now())
                recorded = received
            }
            if received * 100 / total != offset * 100 / total { progress(Self.describe(received, of: total)) }
            offset = received
        }
    }

    /// Asks the session what arrived, riding out transient failures like `send`.
    func status(_ uri: String, total: Int) async throws -> UploadProgress {
        var setbacks = 0
        while true {
            do {
                return try await session.status(uri, total: total)
            } catch {
                try await setback(&setbacks, error)
            }
        }
    }

    /// Counts a transient `error` and waits before the next try; rethrows anything else, and gives up (as
    /// `transient`, so the step's retry policy takes over) after `recovery.setbacks` in a row.
    private func setback(_ count: inout Int, _ error: any Error) async throws {
        guard let failure = Self.transientFailure(error) else { throw error }
        count += 1
        guard count <= recovery.setbacks else {
            throw StepFailure(
                .transient,
                String(failure.message.dropLast(failure.message.hasSuffix(".") ? 1 : 0))
                    + "; gave up after \(recovery.setbacks) recoveries in this attempt. The next attempt continues "
                    + "the same upload session.")
        }
        progress("upload interrupted (\(failure.message)); asking YouTube what arrived")
        try await clock.sleep(for: recovery.delay(before: count))
    }

    static func describe(_ sent: Int, of total: Int) -> String {
        let megabytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_000_000) }
        return "uploaded \(sent * 100 / max(total, 1))% (\(megabytes(sent)) of \(megabytes(total)) MB)"
    }

    static func transientFailure(_ error: any Error) -> StepFailure? {
        switch error {
        case let failure as StepFailure where failure.kind == .transient: failure
        case let reply as YouTubeErrorReply where reply.failure.kind == .transient: reply.failure
        default: nil
        }
    }
}
