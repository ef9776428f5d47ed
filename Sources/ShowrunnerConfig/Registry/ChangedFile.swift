import ShowrunnerCore

/// A config file whose content changed, read and decoded in one step: its bytes are let go as soon as it is
/// decoded, so a full rescan of 10,000 files holds the text of only the few being decoded, not of all of them.
struct ChangedFile: Sendable {
    var path: String
    /// What the file table records of it (nil: the file is gone).
    var entry: FileTable.Entry?
    var file: DecodedFile

    /// Nil when the file's content is still what `recorded` says.
    static func read(
        _ path: String, directoryPath: String, recorded: FileTable.Entry?, knownID: String?,
        marks: @escaping ConfigDocument<Account>.MarkReader
    ) -> ChangedFile? {
        let contents = ConfigReader.read(directoryPath: directoryPath, path)
        guard FileTable.differs(recorded, contents) else { return nil }
        return ChangedFile(
            path: path, entry: contents?.entry,
            file: DecodedFile(path: path, contents: contents, knownID: knownID, marks: marks))
    }
}
