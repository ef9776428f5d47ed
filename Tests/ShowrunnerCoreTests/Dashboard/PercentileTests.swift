import Testing

@testable import ShowrunnerCore

struct PercentileTests {
    @Test(
        arguments: [
            (0.5, 0, nil), (0.5, 1, 1), (0.5, 2, 1), (0.5, 3, 2), (0.5, 10, 5), (0.95, 10, 10), (0.95, 20, 19),
            (0.95, 100, 95), (0.0, 5, 1), (1.0, 5, 5),
        ] as [(Double, Int, Int?)])
    func nearestRank(_ q: Double, _ count: Int, _ rank: Int?) {
        #expect(Percentile.rank(q, count: count) == rank)
    }

    @Test(
        arguments: [
            ([], 0.5, nil), ([7], 0.95, 7), ([1, 2, 3, 4], 0.5, 2), ([1, 2, 3, 4], 0.95, 4),
            (Array(1...100).map(Double.init), 0.95, 95),
        ] as [([Double], Double, Double?)])
    func ofSortedValues(_ values: [Double], _ q: Double, _ expected: Double?) {
        #expect(Percentile.of(q, sorted: values) == expected)
    }

    @Test(
        arguments: [
            ([:], 0.5, nil), ([3: 1], 0.5, 3), ([1: 1, 2: 1, 9: 2], 0.5, 2), ([1: 1, 2: 1, 9: 2], 0.95, 9),
            ([1: 99, 40: 1], 0.95, 1), ([1: 94, 40: 6], 0.95, 40),
        ] as [([Int: Int], Double, Double?)])
    func ofHistogram(_ histogram: [Int: Int], _ q: Double, _ expected: Double?) {
        #expect(Percentile.of(q, histogram: histogram, value: Double.init) == expected)
    }
}
