import ShowrunnerCore
import ShowrunnerYAML

/// Decodes a clean account file straight from libyaml's events, with no node tree (issue 17): each mapping of
/// known keys is read into the `NodeEntries` its decoder reads, `vars:` and `with:` straight into their values, and
/// only the smaller parts (a retry or catch-up block, a list, an inline pipeline) into small nodes. It gives up (nil)
/// at anything it does not read itself: an anchor, alias or tag, an unknown or repeated key, a value of the wrong
/// shape, any problem a decoder reports. `ConfigReader` then decodes the file through the node tree, which finds and
/// reports it. So every diagnostic comes from one reader, and this one only needs to agree with it on clean files
/// (`DecoderDifferentialTests`).
enum AccountEventDecoder {
    /// The document of `text` when it is a clean account file; nil when it needs the full reader.
    static func document(_ text: String, path: String, hash: String) -> ConfigDocument<Account>? {
        guard ConfigText.sizeProblem(byteCount: text.utf8.count, file: path) == nil else { return nil }
        var reader = NodeReader(file: path, recordsMarks: false)
        let stem = ConfigFiles.stem(of: path)
        guard let account = YAMLEventCursor.read(text, { account(&$0, stem: stem, reader: &reader) }),
            reader.diagnostics.isEmpty
        else { return nil }
        var refersTo: String?
        if case .named(let name) = account.pipeline { refersTo = name }
        return ConfigDocument(
            path: path, name: account.id, value: account, sourceMap: reader.sourceMap, diagnostics: [],
            contentHash: hash, refersTo: refersTo)
    }

    private static func account(_ cursor: inout YAMLEventCursor, stem: String, reader: inout NodeReader) -> Account? {
        var channel: Channel?
        var schedule: Schedule?
        var voice = Voice()
        var vars: [String: ConfigValue] = [:]
        var overrides: [String: StepOverrides] = [:]
        let others = entries(&cursor, known: AccountDecoder.keys) { key, cursor in
            switch key {
            case "channel":
                channel = entries(&cursor, known: AccountDecoder.channelKeys).flatMap {
                    AccountDecoder.decodeChannel($0, reader: &reader)
                }
                return channel != nil
            case "schedule":
                schedule = entries(&cursor, known: ScheduleDecoder.keys).flatMap {
                    ScheduleDecoder.decode($0, at: "schedule", reader: &reader)
                }
                return schedule != nil
            case "voice":
                guard let entries = entries(&cursor, known: AccountDecoder.voiceKeys) else { return false }
                voice = AccountDecoder.decodeVoice(entries, reader: &reader)
            case "vars":
                guard cursor.next() == .mappingStart, let map = valueMap(&cursor) else { return false }
                vars = map
            case "steps":
                guard let decoded = stepOverrides(&cursor, reader: &reader) else { return false }
                overrides = decoded
            default:
                return nil
            }
            return true
        }
        guard let others else { return nil }
        let id = others["id"].flatMap { reader.string($0, at: "id") } ?? stem
        let enabled = reader.bool(others["enabled"], at: "enabled") ?? true
        guard Account.isValidID(id), let channel, schedule != nil || !enabled, let node = others["pipeline"],
            let pipeline = AccountDecoder.decodePipelineReference(node, id: id, reader: &reader)
        else { return nil }
        var account = Account(
            id: id, name: reader.string(others["name"], at: "name"), enabled: enabled, channel: channel,
            schedule: schedule, voice: voice, pipeline: pipeline, vars: vars, stepOverrides: overrides)
        account.notify = reader.alertTargets(others["notify"], at: "notify") ?? []
        account.runsOn = NodeLabels.decode(others["runs_on"], at: "runs_on", reader: &reader) ?? []
        return account
    }

    /// `steps:`: each step's overrides, a mapping of known keys whose `with:` is read straight into values.
    private static func stepOverrides(
        _ cursor: inout YAMLEventCursor, reader: inout NodeReader
    ) -> [String: StepOverrides]? {
        guard cursor.next() == .mappingStart else { return nil }
        var overrides: [String: StepOverrides] = [:]
        let complete = forEachKey(&cursor) { stepID, cursor in
            var with: [String: ConfigValue] = [:]
            let entries = entries(&cursor, known: AccountDecoder.overrideKeys) { key, cursor in
                guard key == "with" else { return nil }
                guard cursor.next() == .mappingStart, let map = valueMap(&cursor) else { return false }
                with = map
                return true
            }
            guard overrides[stepID] == nil, let entries else { return false }
            var override = AccountDecoder.decodeOverride(entries, at: "steps.\(stepID)", reader: &reader)
            override.with = with
            overrides[stepID] = override
            return true
        }
        return complete ? overrides : nil
    }

    /// A mapping of `known` keys, each written once. `read` takes the value of a key it reads itself (true), gives
    /// up (false), or leaves it (nil) to be read as a node into the entries.
    private static func entries(
        _ cursor: inout YAMLEventCursor, known: [String],
        reading read: (String, inout YAMLEventCursor) -> Bool? = { _, _ in nil }
    ) -> NodeEntries? {
        guard cursor.next() == .mappingStart else { return nil }
        var entries = NodeEntries(capacity: known.count)
        var seen: UInt64 = 0
        let complete = forEachKey(&cursor) { key, cursor in
            guard insert(key, known: known, into: &seen) else { return false }
            if let handled = read(key, &cursor) { return handled }
            guard let node = cursor.node(from: cursor.next()) else { return false }
            entries.append(key, node)
            return true
        }
        return complete ? entries : nil
    }

    /// Walks a mapping after its start event: `body` gets each key and reads its value. False when a key is not
    /// text or `body` gives up.
    private static func forEachKey(
        _ cursor: inout YAMLEventCursor, _ body: (String, inout YAMLEventCursor) -> Bool
    ) -> Bool {
        while true {
            let event = cursor.next()
            if event == .mappingEnd { return true }
            guard event == .scalar, body(cursor.text, &cursor) else { return false }
        }
    }

    /// False when `key` is not one of `known` or was read before (the bit of its place in `known` is set).
    private static func insert(_ key: String, known: [String], into seen: inout UInt64) -> Bool {
        guard let index = known.firstIndex(of: key), seen & (1 << index) == 0 else { return false }
        seen |= 1 << index
        return true
    }

    /// A free mapping after its start event, keys as text and values typed as `NodeReader.value` types them.
    private static func valueMap(_ cursor: inout YAMLEventCursor) -> [String: ConfigValue]? {
        var map: [String: ConfigValue] = [:]
        let complete = forEachKey(&cursor) { key, cursor in
            guard map[key] == nil, let value = value(&cursor, from: cursor.next()) else { return false }
            map[key] = value
            return true
        }
        return complete ? map : nil
    }

    private static func value(_ cursor: inout YAMLEventCursor, from first: YAMLEventCursor.Event) -> ConfigValue? {
        switch first {
        case .scalar:
            return NodeReader.value(cursor.scalar)
        case .mappingStart:
            return valueMap(&cursor).map { .map($0) }
        case .sequenceStart:
            var items: [ConfigValue] = []
            while true {
                let event = cursor.next()
                if event == .sequenceEnd { return .list(items) }
                guard let item = value(&cursor, from: event) else { return nil }
                items.append(item)
            }
        case .mappingEnd, .sequenceEnd, .unsupported:
            return nil
        }
    }
}
