import ShowrunnerCore

extension OpenAPIDocument {
    /// The component schemas: one per DTO, with the same keys (every key present, null when unset).
    enum Schemas {
        static let runStatuses = RunStatus.allCases.map(\.rawValue)

        static let all: [String: JSONValue] = [
            "Error": Schema.object(
                "An error.", ["error": Schema.object("What went wrong.", ["message": Schema.string])]),
            "Run": run,
            "RunOwner": Schema.object(
                "The process executing a running run.",
                ["host": Schema.string, "pid": Schema.integer, "heartbeat_at": Schema.dateTime]),
            "Attempt": attempt,
            "StepSummary": Schema.object(
                "Where a step stands, from its latest record.",
                [
                    "id": Schema.string, "status": Schema.enumeration(attemptStatuses),
                    "attempts": Schema.integer, "outputs": nullableOutputs, "error": Schema.nullableString,
                ]),
            "RunDetail": Schema.object(
                "One run with its steps and attempts.",
                [
                    "run": Schema.ref("Run"), "retried_by": Schema.nullableString,
                    "steps": Schema.array(Schema.ref("StepSummary")), "attempts": Schema.array(Schema.ref("Attempt")),
                ]),
            "RunPage": Schema.object(
                "A page of history, newest first; pass `next` as `before` for the following page.",
                ["runs": Schema.array(Schema.ref("Run")), "next": Schema.nullableString]),
            "RunAccepted": Schema.object("The run concerned.", ["run_id": Schema.string]),
            "LastRun": Schema.object(
                "The newest run of an account.",
                [
                    "id": Schema.string, "status": Schema.enumeration(runStatuses), "created_at": Schema.dateTime,
                    "finished_at": Schema.nullableDateTime,
                ]),
            "Job": job,
            "JobList": Schema.object("The scheduled jobs.", ["jobs": Schema.array(Schema.ref("Job"))]),
            "ReloadReport": Schema.object(
                "What a reload did, by account id.",
                [
                    "applied": Schema.array(Schema.string), "unchanged": Schema.array(Schema.string),
                    "removed": Schema.array(Schema.string), "errors": Schema.array(Schema.ref("Diagnostic")),
                ]),
            "Alert": Schema.object(
                "One alert sent to one receiver (its URL masked).",
                [
                    "id": Schema.string, "event": Schema.enumeration(AlertEvent.allCases.map(\.rawValue)),
                    "account_id": Schema.nullableString, "run_id": Schema.nullableString, "target": Schema.string,
                    "format": Schema.enumeration(AlertTarget.Format.allCases.map(\.rawValue)),
                    "receiver": Schema.nullableString,
                    "status": Schema.enumeration(AlertDelivery.Status.allCases.map(\.rawValue)),
                    "attempts": Schema.integer, "last_error": Schema.nullableString, "created_at": Schema.dateTime,
                    "updated_at": Schema.dateTime,
                ]),
            "AlertList": Schema.object(
                "Alert deliveries, newest first.", ["alerts": Schema.array(Schema.ref("Alert"))]),
            "DiskUsage": Schema.object(
                "Disk use per account (allocated bytes, each inode counted once).",
                [
                    "accounts": Schema.array(Schema.ref("DiskUsageAccount")), "total_bytes": Schema.integer,
                    "total_inodes": Schema.integer,
                ]),
            "DiskUsageAccount": Schema.object(
                "One account's run folders and what out/<account> holds beyond them.",
                [
                    "account_id": Schema.string, "run_folders": Schema.integer, "run_inodes": Schema.integer,
                    "run_bytes": Schema.integer, "published_inodes": Schema.integer, "published_bytes": Schema.integer,
                ]),
            "Diagnostic": diagnostic,
            "DiagnosticList": Schema.object(
                "Current config errors and warnings.", ["diagnostics": Schema.array(Schema.ref("Diagnostic"))]),
            "Account": account,
            "AccountList": Schema.object("The accounts.", ["accounts": Schema.array(Schema.ref("Account"))]),
            "Cluster": [
                "type": "object", "required": ["store", "nodes"],
                "properties": [
                    "store": Schema.enumeration(["sqlite", "postgres"]),
                    "nodes": ["type": "array", "items": ["type": "object", "additionalProperties": true]],
                ],
            ],
            "Health": [
                "type": "object", "required": ["status", "heartbeat"],
                "properties": [
                    "status": Schema.enumeration(["ok", "unavailable"]), "heartbeat": Schema.nullableDateTime,
                    "error": Schema.ref("Error"),
                ],
            ],
        ]

        static let attemptStatuses = AttemptStatus.allCases.map(\.rawValue)
        static let nullableOutputs: JSONValue = ["type": ["object", "null"], "additionalProperties": true]

        static let run = Schema.object(
            "One run of an account's pipeline.",
            [
                "id": Schema.string, "account_id": Schema.string, "pipeline": Schema.string,
                "trigger": Schema.enumeration(RunTrigger.allCases.map(\.rawValue)),
                "scheduled_at": Schema.nullableDateTime, "status": Schema.enumeration(runStatuses),
                "reason": Schema.nullableString, "config_revision": Schema.nullableString,
                "retry_of": Schema.nullableString, "created_at": Schema.dateTime, "started_at": Schema.nullableDateTime,
                "finished_at": Schema.nullableDateTime, "owner": Schema.nullable("RunOwner"),
            ])

        static let attempt = Schema.object(
            "One attempt of one step (attempt 0: a reused or skipped step).",
            [
                "step_id": Schema.string, "attempt": Schema.integer, "status": Schema.enumeration(attemptStatuses),
                "failure_kind": Schema.nullableEnumeration(FailureKind.allCases.map(\.rawValue)),
                "error": Schema.nullableString, "stderr_tail": Schema.nullableString, "outputs": nullableOutputs,
                "artifacts": Schema.array(Schema.string), "started_at": Schema.dateTime,
                "finished_at": Schema.nullableDateTime,
            ])

        static let job = Schema.object(
            "A scheduled job (one per account with a schedule).",
            [
                "id": Schema.string, "account_id": Schema.string, "cron": Schema.string, "timezone": Schema.string,
                "next_run_at": Schema.nullableDateTime, "paused": Schema.boolean, "pause_reason": Schema.nullableString,
                "removed": Schema.boolean, "enabled": Schema.boolean, "last_run": Schema.nullable("LastRun"),
            ])

        static let diagnostic = Schema.object(
            "A config problem: where and what.",
            [
                "severity": Schema.enumeration(["error", "warning"]), "file": Schema.string,
                "line": Schema.nullableInteger, "column": Schema.nullableInteger, "key_path": Schema.nullableString,
                "message": Schema.string, "rendered": Schema.string,
            ])

        static let account = Schema.object(
            "An account as the daemon sees it.",
            [
                "id": Schema.string, "name": Schema.nullableString, "file": Schema.string, "enabled": Schema.boolean,
                "valid": Schema.boolean, "scheduled": Schema.boolean, "paused": Schema.boolean,
                "pause_reason": Schema.nullableString, "auth_flag": Schema.nullableString,
                "last_good_revision": Schema.nullableString, "diagnostics": Schema.array(Schema.ref("Diagnostic")),
            ])
    }
}
