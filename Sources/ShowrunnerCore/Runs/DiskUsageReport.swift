/// Disk use per account: its run folders in `STATE/runs/` and what `upload.local` published under `out/<account>`
/// beyond them. Bytes are allocated bytes, each inode counted once (a hard-linked video costs nothing more).
public struct DiskUsageReport: Sendable, Codable, Equatable {
    /// One account's share; `account_id` is `(unknown)` for run folders history no longer has.
    public struct Entry: Sendable, Codable, Equatable {
        public var accountID: String
        public var runFolders = 0
        /// Files, links and folders (inodes) in the run folders.
        public var runInodes = 0
        public var runBytes: Int64 = 0
        /// Inodes and bytes of `out/<account>` not already counted in a run folder.
        public var publishedInodes = 0
        public var publishedBytes: Int64 = 0

        public init(accountID: String) { self.accountID = accountID }

        public var bytes: Int64 { runBytes + publishedBytes }
        public var inodes: Int { runInodes + publishedInodes }

        enum CodingKeys: String, CodingKey {
            case accountID = "account_id"
            case runFolders = "run_folders"
            case runInodes = "run_inodes"
            case runBytes = "run_bytes"
            case publishedInodes = "published_inodes"
            case publishedBytes = "published_bytes"
        }
    }

    public static let unknownAccount = "(unknown)"

    /// Sorted by account id.
    public var accounts: [Entry]
    public var totalBytes: Int64
    public var totalInodes: Int

    public init(accounts: [Entry]) {
        self.accounts = accounts.sorted { $0.accountID < $1.accountID }
        totalBytes = accounts.reduce(0) { $0 + $1.bytes }
        totalInodes = accounts.reduce(0) { $0 + $1.inodes }
    }

    enum CodingKeys: String, CodingKey {
        case accounts
        case totalBytes = "total_bytes"
        case totalInodes = "total_inodes"
    }
}
