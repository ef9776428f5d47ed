import ShowrunnerCore

/// Finds keys written twice in one mapping, reported as Yams did: every duplicated key, sorted, at the first
/// occurrence of the smallest. Small mappings compare pairwise; large ones hash their text keys.
enum YAMLDuplicateKeys {
    static func problem(in pairs: [(key: YAMLNode, value: YAMLNode)]) -> YAMLProblem? {
        guard pairs.count > 1 else { return nil }
        let duplicated = pairs.count <= 16 ? pairwise(pairs) : hashed(pairs)
        guard !duplicated.isEmpty else { return nil }
        let named = duplicated.map { (text(of: $0), $0) }.sorted { $0.0 < $1.0 }
        let first = named[0].1.mark
        return YAMLProblem(
            kind: .duplicateKeys(named.map(\.0)), problem: "duplicate keys",
            mark: SourceLocation(line: Int(first.line), column: Int(first.column)))
    }

    /// The first occurrence of each key written more than once.
    private static func pairwise(_ pairs: [(key: YAMLNode, value: YAMLNode)]) -> [YAMLNode] {
        var duplicated: [YAMLNode] = []
        for index in 1..<pairs.count {
            let key = pairs[index].key
            guard let first = pairs[..<index].first(where: { $0.key.sameKey(as: key) })?.key,
                !duplicated.contains(where: { $0.sameKey(as: key) })
            else { continue }
            duplicated.append(first)
        }
        return duplicated
    }

    private static func hashed(_ pairs: [(key: YAMLNode, value: YAMLNode)]) -> [YAMLNode] {
        var seen: [String: Int] = [:]
        var reported: Set<String> = []
        var duplicated: [YAMLNode] = []
        var others: [(key: YAMLNode, value: YAMLNode)] = []
        for (index, pair) in pairs.enumerated() {
            guard case .scalar(let scalar) = pair.key else {
                others.append(pair)
                continue
            }
            let hashKey = (scalar.tag ?? "") + "\u{0}" + scalar.string
            if let first = seen[hashKey] {
                if reported.insert(hashKey).inserted { duplicated.append(pairs[first].key) }
            } else {
                seen[hashKey] = index
            }
        }
        return others.count > 1 ? duplicated + pairwise(others) : duplicated
    }

    private static func text(of node: YAMLNode) -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        return "<uncovertable>"
    }
}
