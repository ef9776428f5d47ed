import ShowrunnerCore
import Testing

struct OverlapDecisionTests {
    /// (policy, running, waiting) → decision: a run waiting to start counts, and at most one waits per account.
    @Test(arguments: [
        (Schedule.OverlapPolicy.skip, 0, 0, OverlapDecision.start), (.skip, 1, 0, .skip), (.skip, 0, 1, .skip),
        (.queue, 0, 0, .start), (.queue, 1, 0, .queue), (.queue, 0, 1, .skip), (.queue, 1, 1, .skip),
        (.allow, 0, 0, .start), (.allow, 3, 0, .start), (.allow, 0, 1, .skip), (.allow, 2, 1, .skip),
    ])
    func decides(_ policy: Schedule.OverlapPolicy, _ running: Int, _ waiting: Int, _ expected: OverlapDecision) {
        #expect(OverlapDecision.decide(policy, running: running, waiting: waiting) == expected)
    }
}
