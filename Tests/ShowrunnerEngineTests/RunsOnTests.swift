import ShowrunnerCore
import Testing

@testable import ShowrunnerEngine

/// Which cluster nodes may claim an account's runs: those whose labels include all its `runs_on` labels.
struct RunsOnTests {
    @Test(arguments: [
        ([String](), [String](), true),
        ([], ["gpu"], true),
        (["gpu"], [], false),
        (["gpu"], ["gpu"], true),
        (["gpu"], ["eu", "gpu"], true),
        (["gpu", "eu"], ["gpu"], false),
        (["gpu", "eu"], ["eu", "gpu", "big"], true),
    ])
    func mayRun(_ runsOn: [String], _ nodeLabels: [String], _ expected: Bool) throws {
        var account = try SchedulerHarness.account("a", cron: "0 9 * * *").account
        account.runsOn = runsOn
        #expect(RunClaimService.mayRun(account, labels: Set(nodeLabels)) == expected)
    }
}
