import ShowrunnerCore
import ShowrunnerYAML

/// `node.labels` and an account's `runs_on`: lists of labels such as `gpu` or `eu-west`.
enum NodeLabels {
    /// A list of distinct labels (lowercase letters, digits, '-', '_', '.'; at most 64 characters); nil when
    /// absent or wrong (the reader has the problem).
    static func decode(_ node: YAMLNode?, at path: String, reader: inout NodeReader) -> [String]? {
        guard let labels = reader.stringList(node, at: path) else { return nil }
        for (index, label) in labels.enumerated() where !isValid(label) {
            reader.error(
                "\(path)[\(index)]",
                "'\(label)' is not a label; use lowercase letters, digits, '-', '_' and '.', at most 64 characters.")
        }
        if Set(labels).count != labels.count { reader.error(path, "a label is listed twice.") }
        return labels
    }

    static func isValid(_ label: String) -> Bool {
        let scalars = label.unicodeScalars
        guard !scalars.isEmpty, scalars.count <= 64 else { return false }
        return scalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }
}
