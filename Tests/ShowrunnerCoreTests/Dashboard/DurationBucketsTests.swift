import Testing

@testable import ShowrunnerCore

struct DurationBucketsTests {
    @Test(
        arguments: [
            (-5, 0), (0, 0), (99, 0), (100, 1), (124, 1), (125, 2), (1000, 11),
            (172_800_000, DurationBuckets.count - 1),
        ] as [(Int64, Int)])
    func bucketOfADuration(_ milliseconds: Int64, _ bucket: Int) {
        #expect(DurationBuckets.bucket(milliseconds: milliseconds) == bucket)
    }

    @Test func everyRepresentativeLiesInItsBucket() {
        for bucket in 0..<DurationBuckets.count {
            let value = DurationBuckets.representative(bucket)
            #expect(DurationBuckets.bucket(milliseconds: Int64(value.rounded(.down))) == bucket, "\(bucket)")
        }
    }

    static let samples: [[Int64]] = [
        (0..<200).map { 150 + Int64($0) * 37 },
        (0..<500).map { Int64(1_000 + ($0 * 7919) % 600_000) },
        [Int64](repeating: 42_000, count: 9) + [3_600_000],
        (1...1000).map { Int64($0) * Int64($0) },
    ]

    /// The histogram's percentiles stay within 12 % of the exact ones, whatever the spread.
    @Test(arguments: samples)
    func histogramPercentilesAreClose(_ durations: [Int64]) throws {
        let sorted = durations.sorted().map(Double.init)
        let histogram = Dictionary(durations.map { (DurationBuckets.bucket(milliseconds: $0), 1) }, uniquingKeysWith: +)
        for q in [0.5, 0.95] {
            let exact = try #require(Percentile.of(q, sorted: sorted))
            let estimate = try #require(Percentile.of(q, histogram: histogram, value: DurationBuckets.representative))
            #expect(abs(estimate - exact) / exact <= 0.12, "q \(q): \(estimate) vs \(exact)")
        }
    }
}
