import Foundation
import Hummingbird
import NIOCore
import ShowrunnerCore
import ShowrunnerEngine

/// `GET /api/scheduler/jobs`: every scheduled job with its account's newest run, written with `JSONWriter`.
struct JobListDTO: ResponseGenerator {
    /// A job and its account's newest run.
    struct Entry {
        let job: SchedulerJob
        let lastRun: RunRecord?
    }

    let jobs: [Entry]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var json = JSONWriter(capacity: 64 + jobs.count * 240)
        json.raw("{\"jobs\":[")
        for (index, entry) in jobs.enumerated() {
            if index > 0 { json.raw(",") }
            Self.write(entry, to: &json)
        }
        json.raw("]}")
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: "\(json.bytes.count)"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }

    private static func write(_ entry: Entry, to json: inout JSONWriter) {
        let job = entry.job
        json.raw("{\"id\":")
        json.string(job.id)
        json.raw(",\"account_id\":")
        json.string(job.accountID)
        json.raw(",\"cron\":")
        json.string(job.cron)
        json.raw(",\"timezone\":")
        json.string(job.timezone)
        json.raw(",\"next_run_at\":")
        json.date(job.nextRunAt)
        json.raw(",\"paused\":")
        json.bool(job.paused)
        json.raw(",\"pause_reason\":")
        json.string(job.pauseReason)
        json.raw(",\"removed\":")
        json.bool(job.removed)
        json.raw(",\"enabled\":")
        json.bool(job.enabled)
        json.raw(",\"last_run\":")
        if let run = entry.lastRun {
            json.raw("{\"id\":")
            json.string(run.id)
            json.raw(",\"status\":")
            json.string(run.status.rawValue)
            json.raw(",\"created_at\":")
            json.date(run.createdAt)
            json.raw(",\"finished_at\":")
            json.date(run.finishedAt)
            json.raw("}")
        } else {
            json.raw("null")
        }
        json.raw("}")
    }
}
