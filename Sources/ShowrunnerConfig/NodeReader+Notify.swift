import ShowrunnerCore
import ShowrunnerYAML

extension NodeReader {
    static let notifyKeys = ["name", "url", "format", "secret", "events"]

    /// A `notify:` list (showrunner.yaml or an account): where alerts go and which events each receiver wants.
    mutating func alertTargets(_ node: YAMLNode?, at path: String) -> [AlertTarget]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            error(
                path, "expected a list of receivers such as - { url: …, format: slack }, found \(Self.describe(node)).")
            return nil
        }
        var targets: [AlertTarget] = []
        for (index, item) in sequence.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let entries = mapping(item, at: itemPath, known: Self.notifyKeys) else { continue }
            let at = { (key: String) in Self.join(itemPath, key) }
            guard let urlNode = require(entries, "url", at: itemPath, "give the webhook's url (or ${env:NAME})."),
                let url = string(urlNode, at: at("url"))
            else { continue }
            var target = AlertTarget(url: url)
            target.format = choice(entries["format"], at: at("format")) ?? .json
            target.secret = string(entries["secret"], at: at("secret"))
            target.name = string(entries["name"], at: at("name"))
            for (position, name) in (stringList(entries["events"], at: at("events")) ?? []).enumerated() {
                guard let event = AlertEvent(rawValue: name) else {
                    let names = AlertEvent.allCases.map(\.rawValue).joined(separator: ", ")
                    error("\(at("events"))[\(position)]", "'\(name)' is not an event; use \(names).")
                    continue
                }
                target.events.insert(event)
            }
            if targets.contains(where: { $0.receiverName == target.receiverName }) {
                error(
                    itemPath,
                    "two receivers are named '\(target.receiverName)'; give each a name: of its own "
                        + "(a pending alert is resent after a restart to the receiver of its name).")
                continue
            }
            targets.append(target)
        }
        return targets
    }
}
