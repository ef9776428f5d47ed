import Foundation
import ShowrunnerCore
import Testing

/// Which run folders retention deletes, by age and by count per account, never a protected one.
struct RetentionPlanTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Folders `a1`…`a4` of account a (a4 newest, a1 oldest, a1 and a2 older than the cutoff), `b1` of b, and
    /// `x1`, an old folder history no longer has.
    static let folders: [RetentionPlan.Folder] = [
        .init(runID: "a1", modified: now.addingTimeInterval(-40), accountID: "a"),
        .init(runID: "a2", modified: now.addingTimeInterval(-30), accountID: "a"),
        .init(runID: "a3", modified: now.addingTimeInterval(-20), accountID: "a"),
        .init(runID: "a4", modified: now.addingTimeInterval(-10), accountID: "a"),
        .init(runID: "b1", modified: now.addingTimeInterval(-5), accountID: "b"),
        .init(runID: "x1", modified: now.addingTimeInterval(-50), accountID: nil),
    ]

    @Test(
        arguments: [
            // (cutoff age, max per account, protected, deleted)
            (25.0, nil, [], ["a1", "a2", "x1"]),
            (25.0, nil, ["a1"], ["a2", "x1"]),
            (100.0, 2, [], ["a1", "a2"]),
            (100.0, 1, [], ["a1", "a2", "a3"]),
            (100.0, 2, ["a1"], ["a2"]),  // a protected folder is kept and counts as one of the newest
            (100.0, 2, ["a4"], ["a1", "a2"]),
            (15.0, 3, ["a2"], ["a1", "a3", "x1"]),
            (100.0, 10, [], []),
        ] as [(Double, Int?, Set<String>, [String])])
    func doomedFolders(age: Double, maxPerAccount: Int?, protected: Set<String>, expected: [String]) {
        let plan = RetentionPlan(
            cutoff: Self.now.addingTimeInterval(-age), maxPerAccount: maxPerAccount, protected: protected)
        #expect(plan.doomed(Self.folders) == expected)
    }
}
