import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores; the order of results matches the order of elements.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = Mutex([Result?](repeating: nil, count: count))
        let chunk = Swift.max(1, count / 64)
        let chunks = (count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = index * chunk..<Swift.min(count, (index + 1) * chunk)
            let mapped = self[range].map(transform)
            results.withLock { results in
                for (offset, value) in mapped.enumerated() { results[range.lowerBound + offset] = value }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
