/// Nearest-rank percentiles: the smallest value with at least `q` of the samples at or below it.
public enum Percentile {
    /// The rank (1-based) of quantile `q` (0...1) among `count` samples; nil when there are none.
    public static func rank(_ q: Double, count: Int) -> Int? {
        guard count > 0 else { return nil }
        let rank = Int((q * Double(count)).rounded(.up))
        return min(max(rank, 1), count)
    }

    /// Quantile `q` of sorted `values`.
    public static func of(_ q: Double, sorted values: [Double]) -> Double? {
        rank(q, count: values.count).map { values[$0 - 1] }
    }

    /// Quantile `q` of a histogram (bucket → count): the representative value of the bucket holding the rank.
    public static func of(_ q: Double, histogram: [Int: Int], value: (Int) -> Double) -> Double? {
        guard let rank = rank(q, count: histogram.values.reduce(0, +)) else { return nil }
        var seen = 0
        for bucket in histogram.keys.sorted() {
            seen += histogram[bucket] ?? 0
            if seen >= rank { return value(bucket) }
        }
        return nil
    }
}
