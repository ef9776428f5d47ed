/// Every store role together: what one store (SQLite or PostgreSQL) provides to the daemon and the CLI.
public typealias ShowrunnerStorage = RunStore & AccountStateStore & TopicStore & RecentTitles & UploadSessionStore
    & QuotaLedger & RecentMedia & ChannelRunsReading & StatsReading & QuotaReading
    & AccountStatesReading
