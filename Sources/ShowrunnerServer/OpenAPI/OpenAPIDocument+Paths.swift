import ShowrunnerEngine

extension OpenAPIDocument {
    /// The operations, by path template and lowercase method.
    enum Paths {
        static let all: [String: [String: Operation]] = [
            "/api/scheduler/jobs": [
                "get": api(
                    "listJobs", "Every scheduled job with its account's newest run.", tag: "scheduler",
                    parameters: [
                        query("account", "Only this account's job (an empty list when it has none).", Schema.string)
                    ],
                    success: ok("The jobs.", "JobList"), errors: [400])
            ],
            "/api/scheduler/reload": [
                "post": api(
                    "reload", "Rescans the config folder now.", tag: "scheduler",
                    success: ok("What was applied, unchanged, removed and in error.", "ReloadReport"))
            ],
            "/api/scheduler/trigger/{account_id}": [
                "post": api(
                    "trigger", "Starts a run of the account now.", tag: "scheduler",
                    parameters: [path("account_id", "The account id.")],
                    success: accepted("The run was started."), errors: [404, 409])
            ],
            "/api/scheduler/jobs/{job_id}": [
                "delete": api(
                    "removeJob", "Takes the job off the schedule until its file changes or a reload.",
                    tag: "scheduler", parameters: [path("job_id", "The job id (= the account id).")],
                    success: ("204", ResponseDoc(description: "The job was removed.")), errors: [404])
            ],
            "/api/accounts": [
                "get": api(
                    "listAccounts", "Every account with its status, last good revision and diagnostics.",
                    tag: "accounts", success: ok("The accounts.", "AccountList"))
            ],
            "/api/accounts/{id}": [
                "get": api(
                    "getAccount", "One account.", tag: "accounts", parameters: [path("id", "The account id.")],
                    success: ok("The account.", "Account"), errors: [404])
            ],
            "/api/accounts/{id}/pause": [
                "post": api(
                    "pauseAccount", "Pauses the account; the pause survives restarts.", tag: "accounts",
                    parameters: [path("id", "The account id.")], success: ok("The paused account.", "Account"),
                    errors: [404])
            ],
            "/api/accounts/{id}/resume": [
                "post": api(
                    "resumeAccount", "Resumes a paused account.", tag: "accounts",
                    parameters: [path("id", "The account id.")], success: ok("The resumed account.", "Account"),
                    errors: [404])
            ],
            "/api/alerts": [
                "get": api(
                    "listAlerts", "Alert deliveries to webhooks, newest first.", tag: "alerts",
                    parameters: [query("limit", "How many (1-1000, default 50).", Schema.integer)],
                    success: ok("The deliveries.", "AlertList"), errors: [400])
            ],
            "/api/disk": [
                "get": api(
                    "diskUsage", "Disk use per account: run folders and published files, each inode once.",
                    tag: "disk", parameters: [], success: ok("The disk use.", "DiskUsage"), errors: [])
            ],
            "/api/runs": [
                "get": api(
                    "listRuns", "Run history, newest first, paged.", tag: "runs",
                    parameters: RunPage.parameters, success: ok("A page of runs.", "RunPage"), errors: [400])
            ],
            "/api/runs/{id}": [
                "get": api(
                    "getRun", "One run with its steps and every attempt (outputs, errors).", tag: "runs",
                    parameters: [path("id", "The run id.")], success: ok("The run.", "RunDetail"), errors: [404])
            ],
            "/api/runs/{id}/retry": [
                "post": api(
                    "retryRun", "Retries a failed or cancelled run from its unfinished steps.", tag: "runs",
                    parameters: [path("id", "The run id.")], success: accepted("The retry run was started."),
                    errors: [404, 409])
            ],
            "/api/runs/{id}/cancel": [
                "post": api(
                    "cancelRun", "Cancels a queued or running run.", tag: "runs",
                    parameters: [path("id", "The run id.")], success: accepted("The run is being cancelled."),
                    errors: [404, 409])
            ],
            "/api/config/diagnostics": [
                "get": api(
                    "diagnostics", "The config's current errors and warnings.", tag: "config",
                    success: ok("The diagnostics.", "DiagnosticList"))
            ],
            "/api/cluster": [
                "get": api(
                    "cluster", "The nodes sharing the store (PostgreSQL): heartbeat age, capacity, config revision.",
                    tag: "config", success: ok("The cluster.", "Cluster"))
            ],
            "/api/events": [
                "get": api(
                    "events",
                    "Server-Sent Events: run.queued, run.started, step.started, step.finished, run.finished, reload, "
                        + "diagnostics.changed, account.changed. Each has an id; reconnect with Last-Event-ID to get what was missed "
                        + "(a 'reset' event when it is no longer kept). A browser signed in to the dashboard may use "
                        + "its session cookie instead of the bearer token.",
                    tag: "events",
                    parameters: [
                        Parameter(
                            name: "Last-Event-ID", in: "header", required: false,
                            description: "The id of the last event received.", schema: ["type": "integer"])
                    ],
                    success: (
                        "200",
                        ResponseDoc(
                            description: "An endless text/event-stream; data is a JSON object of strings.",
                            content: ["text/event-stream": MediaType(schema: Schema.string)]
                        )
                    ))
            ],
            "/api/openapi.json": [
                "get": api(
                    "openAPI", "This document.", tag: "meta",
                    success: ("200", ResponseDoc(description: "The OpenAPI document.", content: json(Schema.anyObject)))
                )
            ],
            "/healthz": [
                "get": open(
                    "health",
                    "200 while the scheduler loop's heartbeat is younger than 90 s and the store takes writes, else 503.",
                    responses: [
                        "200": ResponseDoc(
                            description: "The scheduler loop is alive.", content: json(Schema.ref("Health"))),
                        "503": ResponseDoc(
                            description: "No recent heartbeat, or the store refuses writes.",
                            content: json(Schema.ref("Health"))),
                    ])
            ],
            "/metrics": [
                "get": open(
                    "metrics", "Prometheus text exposition (runs, step durations, fire lateness, reloads).",
                    responses: [
                        "200": ResponseDoc(
                            description: "The metrics.",
                            content: ["text/plain; version=0.0.4": MediaType(schema: Schema.string)]),
                        "404": errorResponse("This process does not collect metrics."),
                    ])
            ],
        ]

        enum RunPage {
            static let parameters = [
                query("account", "Only this account's runs.", Schema.string),
                query("status", "Only runs with this status.", Schema.enumeration(Schemas.runStatuses)),
                query("limit", "Page size, 1–500 (default 50).", ["type": "integer", "minimum": 1, "maximum": 500]),
                query(
                    "before",
                    "The `next` cursor of the previous page: the id of a run that exists (an unknown id is a 400).",
                    ["type": "string", "pattern": .string(RunID.pattern), "maxLength": 64]),
            ]
        }

        static let errorDescriptions = [
            400: "A query parameter is invalid; the message names it and what it accepts.",
            401: "The bearer token is missing or wrong.",
            404: "No such id.",
            409: "The request conflicts with the run's or account's state; the message says why.",
        ]

        static func api(
            _ id: String, _ summary: String, tag: String, parameters: [Parameter] = [],
            success: (String, ResponseDoc), errors: [Int] = []
        ) -> Operation {
            var responses = [success.0: success.1]
            for status in errors + [401] {
                responses[String(status)] = errorResponse(errorDescriptions[status] ?? "Error.")
            }
            return Operation(
                operationId: id, summary: summary, tags: [tag], parameters: parameters, responses: responses)
        }

        /// A route outside `/api` that needs no token.
        static func open(_ id: String, _ summary: String, responses: [String: ResponseDoc]) -> Operation {
            Operation(
                operationId: id, summary: summary, tags: ["meta"], parameters: [], responses: responses, security: [])
        }

        static func ok(_ description: String, _ schema: String) -> (String, ResponseDoc) {
            ("200", ResponseDoc(description: description, content: json(Schema.ref(schema))))
        }

        static func accepted(_ description: String) -> (String, ResponseDoc) {
            ("202", ResponseDoc(description: description, content: json(Schema.ref("RunAccepted"))))
        }

        static func errorResponse(_ description: String) -> ResponseDoc {
            ResponseDoc(description: description, content: json(Schema.ref("Error")))
        }

        static func json(_ schema: JSONValue) -> [String: MediaType] { ["application/json": MediaType(schema: schema)] }

        static func path(_ name: String, _ description: String) -> Parameter {
            Parameter(name: name, in: "path", required: true, description: description, schema: Schema.string)
        }

        static func query(_ name: String, _ description: String, _ schema: JSONValue) -> Parameter {
            Parameter(name: name, in: "query", required: false, description: description, schema: schema)
        }
    }
}
