/// Log-spaced duration buckets (each bound 1.25× the previous, from 100 ms to about two days): a percentile read
/// from them is within ±12 % of the exact one, and they merge across days and steps by adding counts.
public enum DurationBuckets {
    /// Bucket `i` holds durations in `[upperBounds[i-1], upperBounds[i])` ms; the last bucket has no upper bound.
    public static let upperBounds: [Int64] = {
        var bounds: [Int64] = []
        var bound = 100.0
        while bound < 2 * 86_400_000 {
            bounds.append(Int64(bound.rounded()))
            bound *= 1.25
        }
        return bounds
    }()

    public static var count: Int { upperBounds.count + 1 }

    /// The bucket of a duration; negative durations (clock steps) count as 0.
    public static func bucket(milliseconds: Int64) -> Int {
        var low = 0
        var high = upperBounds.count
        while low < high {
            let middle = (low + high) / 2
            if milliseconds < upperBounds[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The value reported for a bucket: the geometric middle of its bounds (half the first bound for bucket 0,
    /// the lower bound for the open last bucket).
    public static func representative(_ bucket: Int) -> Double {
        guard bucket > 0 else { return Double(upperBounds[0]) / 2 }
        let lower = Double(upperBounds[min(bucket, upperBounds.count) - 1])
        guard bucket < upperBounds.count else { return lower }
        return (lower * Double(upperBounds[bucket])).squareRoot()
    }
}
