/// The dependency graph of a pipeline's steps (`needs`), in declaration order.
public struct StepGraph: Sendable {
    public let ids: [String]
    private let needs: [String: [String]]

    public init(steps: [PipelineStep]) {
        ids = steps.map(\.id)
        needs = Dictionary(steps.map { ($0.id, $0.needs) }, uniquingKeysWith: { first, _ in first })
    }

    public func dependencies(of id: String) -> [String] { needs[id] ?? [] }

    /// Steps in an order where every step follows its needs (Kahn's algorithm, ties in declaration order);
    /// nil when there is a cycle.
    public func topologicalOrder() -> [String]? {
        var remaining = Dictionary(ids.map { ($0, Set(dependencies(of: $0).filter(needs.keys.contains))) }) { a, _ in a
        }
        var order: [String] = []
        while order.count < ids.count {
            guard let ready = ids.first(where: { remaining[$0]?.isEmpty == true }) else { return nil }
            order.append(ready)
            remaining[ready] = nil
            for id in remaining.keys { remaining[id]?.remove(ready) }
        }
        return order
    }

    /// One cycle as a path that returns to its start (`[a, b, c, a]`), or nil.
    public func cycle() -> [String]? {
        var state: [String: Bool] = [:]  // false = on the current path, true = finished
        var path: [String] = []
        func visit(_ id: String) -> [String]? {
            if state[id] == true { return nil }
            if state[id] == false, let start = path.firstIndex(of: id) { return Array(path[start...]) + [id] }
            state[id] = false
            path.append(id)
            for next in dependencies(of: id) where needs[next] != nil {
                if let found = visit(next) { return found }
            }
            path.removeLast()
            state[id] = true
            return nil
        }
        for id in ids { if let found = visit(id) { return found } }
        return nil
    }

    /// Every step `id` transitively needs, nearest first (breadth-first, needs in declaration order).
    public func ancestors(of id: String) -> [String] {
        var seen: Set<String> = [id]
        var queue = dependencies(of: id)
        var result: [String] = []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard seen.insert(next).inserted, needs[next] != nil else { continue }
            result.append(next)
            queue.append(contentsOf: dependencies(of: next))
        }
        return result
    }
}
