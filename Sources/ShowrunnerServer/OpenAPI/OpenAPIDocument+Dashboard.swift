import ShowrunnerCore

extension OpenAPIDocument.Paths {
    /// The dashboard's JSON routes.
    static let dashboard: [String: [String: OpenAPIDocument.Operation]] = [
        "/api/stats": [
            "get": api(
                "stats",
                "Runs per UTC day by status, success rate, p50/p95 duration per step kind, render seconds per video "
                    + "minute and uploads per day, over the last 7, 30 or 90 days (today included).",
                tag: "dashboard",
                parameters: [
                    query("account", "Only this account's runs (default: every account).", Schema.string),
                    query("days", "7, 30 or 90 (default 7).", ["type": "integer", "enum": [7, 30, 90]]),
                ],
                success: ok("The figures.", "Stats"), errors: [400])
        ],
        "/api/upcoming": [
            "get": api(
                "upcoming",
                "The fires of the coming hours across accounts, earliest first, with DST applied; at most 48 per "
                    + "account and 500 in all (`truncated` says when a cap left some out).",
                tag: "dashboard",
                parameters: [
                    query("hours", "1–168 (default 24).", ["type": "integer", "minimum": 1, "maximum": 168])
                ],
                success: ok("The fires.", "Upcoming"), errors: [400])
        ],
        "/api/quota": [
            "get": api(
                "quota",
                "YouTube quota per Google project today (Pacific day): used, budget, runs waiting for the reset.",
                tag: "dashboard", success: ok("The quota.", "Quota"), errors: [400])
        ],
        "/api/config/status": [
            "get": api(
                "configStatus",
                "The config revision, the last reload, every file with its diagnostics and source lines, and the "
                    + "accounts running on a last good version.",
                tag: "config", success: ok("The config's state.", "ConfigStatus"), errors: [400])
        ],
    ]
}

extension OpenAPIDocument.Schemas {
    static let nullableNumber: JSONValue = ["type": ["number", "null"]]
    static let counts: JSONValue = ["type": "object", "additionalProperties": Schema.integer]

    static let dashboard: [String: JSONValue] = [
        "Stats": Schema.object(
            "Statistics over a range of UTC days.",
            [
                "account": Schema.nullableString, "days": Schema.integer, "from": Schema.string, "to": Schema.string,
                "totals": counts, "success_rate": nullableNumber, "daily": Schema.array(Schema.ref("StatsDay")),
                "steps": Schema.array(Schema.ref("StepKindStats")), "render_seconds_per_video_minute": nullableNumber,
                "uploads": Schema.integer, "uploads_per_day": ["type": "number"],
            ]),
        "StatsDay": Schema.object(
            "One UTC day: finished runs per status, succeeded uploads.",
            ["date": Schema.string, "counts": counts, "uploads": Schema.integer]),
        "StepKindStats": Schema.object(
            "Finished attempts of one step kind; percentiles of the succeeded ones (±12 %).",
            [
                "kind": Schema.string, "attempts": Schema.integer, "failed": Schema.integer,
                "p50_ms": nullableNumber, "p95_ms": nullableNumber,
            ]),
        "Upcoming": Schema.object(
            "Fires to come, earliest first.",
            [
                "from": Schema.dateTime, "to": Schema.dateTime, "channels": Schema.integer,
                "per_channel_limit": Schema.integer, "limit": Schema.integer, "truncated": Schema.boolean,
                "fires": Schema.array(Schema.ref("UpcomingFire")),
            ]),
        "UpcomingFire": Schema.object(
            "One fire: the cron instant, its start with jitter, the channel's wall time.",
            [
                "account_id": Schema.string, "name": Schema.nullableString, "scheduled_at": Schema.dateTime,
                "start_at": Schema.dateTime, "timezone": Schema.string, "local": Schema.string,
                "dst": Schema.nullableEnumeration(["moved_out_of_gap", "repeated_wall_time"]),
            ]),
        "Quota": Schema.object(
            "Today's quota (Pacific day) and when it resets.",
            [
                "day": Schema.string, "reset_at": Schema.dateTime, "resets_in_seconds": Schema.integer,
                "projects": Schema.array(Schema.ref("QuotaProject")),
            ]),
        "QuotaProject": Schema.object(
            "One Google project.",
            [
                "project": Schema.string, "used": Schema.integer, "budget": Schema.integer,
                "remaining": Schema.integer, "insert_units": Schema.nullableInteger, "accounts": Schema.integer,
                "waiting_count": Schema.integer, "waiting": Schema.array(Schema.ref("QuotaWaitingRun")),
            ]),
        "QuotaWaitingRun": Schema.object(
            "A run waiting for the quota reset.",
            ["run_id": Schema.string, "account_id": Schema.string, "created_at": Schema.dateTime]),
        "ConfigStatus": Schema.object(
            "The config's state.",
            [
                "revision": Schema.nullableString, "commit": Schema.nullableString, "dirty": Schema.boolean,
                "last_reload": Schema.nullable("ReloadSummary"), "files_total": Schema.integer,
                "files": Schema.array(Schema.ref("ConfigFile")), "last_good": Schema.array(Schema.ref("LastGood")),
            ]),
        "ReloadSummary": Schema.object(
            "The last reload.",
            [
                "trigger": Schema.enumeration(["watch", "reload"]), "at": Schema.dateTime,
                "applied": Schema.integer, "unchanged": Schema.integer, "removed": Schema.integer,
                "errors": Schema.array(Schema.ref("DiagnosticLine")),
            ]),
        "ConfigFile": Schema.object(
            "A config file and its diagnostics.",
            [
                "path": Schema.string, "errors": Schema.integer, "warnings": Schema.integer,
                "diagnostics": Schema.array(Schema.ref("DiagnosticLine")),
            ]),
        "DiagnosticLine": Schema.object(
            "A diagnostic with the source line it points at.",
            [
                "severity": Schema.enumeration(["error", "warning"]), "file": Schema.string,
                "line": Schema.nullableInteger, "column": Schema.nullableInteger, "key_path": Schema.nullableString,
                "message": Schema.string, "rendered": Schema.string, "source_line": Schema.nullableString,
            ]),
        "LastGood": Schema.object(
            "An account running on its last good version.",
            [
                "account_id": Schema.string, "file": Schema.string, "revision": Schema.nullableString,
                "reason": Schema.string,
            ]),
    ]
}
