import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// The quota ledger: units per project and Pacific day, spent only within the budget.
struct QuotaLedgerTests {
    static let day = PacificDay("2026-03-08")!

    @Test(arguments: StoreKind.all) func unitsAreSpentWhileTheyFitTheBudget(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        #expect(try await store.spend(1600, project: "p", day: Self.day, budget: 5000) == .spent(remaining: 3400))
        #expect(try await store.spend(1600, project: "p", day: Self.day, budget: 5000) == .spent(remaining: 1800))
        #expect(try await store.spend(1600, project: "p", day: Self.day, budget: 5000) == .spent(remaining: 200))
        #expect(try await store.spend(1600, project: "p", day: Self.day, budget: 5000) == .exceeded(remaining: 200))
        #expect(try await store.usage(project: "p", day: Self.day) == 4800)
        #expect(try await store.spend(200, project: "p", day: Self.day, budget: 5000) == .spent(remaining: 0))
    }

    @Test(arguments: StoreKind.all) func aFirstSpendLargerThanTheBudgetRecordsNothing(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        #expect(try await store.spend(1600, project: "p", day: Self.day, budget: 1000) == .exceeded(remaining: 1000))
        #expect(try await store.usage(project: "p", day: Self.day) == 0)
        #expect(try await store.spend(0, project: "p", day: Self.day, budget: 1000) == .spent(remaining: 1000))
    }

    @Test(arguments: StoreKind.all) func projectsAndDaysAreSeparate(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        _ = try await store.spend(900, project: "p", day: Self.day, budget: 1000)
        #expect(try await store.spend(900, project: "q", day: Self.day, budget: 1000) == .spent(remaining: 100))
        #expect(try await store.spend(900, project: "p", day: Self.day.next, budget: 1000) == .spent(remaining: 100))
        #expect(try await store.usage(project: "p", day: Self.day) == 900)
    }

    @Test(arguments: StoreKind.all) func exhaustingFillsTheDayButNeverLowersIt(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await store.exhaust(project: "p", day: Self.day, budget: 10_000)
        #expect(try await store.usage(project: "p", day: Self.day) == 10_000)
        #expect(try await store.spend(1, project: "p", day: Self.day, budget: 10_000) == .exceeded(remaining: 0))
        try await store.exhaust(project: "p", day: Self.day, budget: 5)
        #expect(try await store.usage(project: "p", day: Self.day) == 10_000)
    }

    @Test func concurrentSpendersNeverGoOverTheBudget() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quota-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("showrunner.sqlite").path
        let stores = try (0..<4).map { _ in try SQLiteStore(path: path) }
        let spent = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                let store = stores[index % stores.count]
                group.addTask {
                    let answer = try await store.spend(100, project: "p", day: Self.day, budget: 1_050)
                    if case .spent = answer { return 1 } else { return 0 }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(spent == 10)
        #expect(try await stores[0].usage(project: "p", day: Self.day) == 1000)
    }
}
