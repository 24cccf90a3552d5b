import BackSimPolicies
import BackSimPolicyTesting
import Testing

/// A policy that breaks the rule: it keeps every observation in an array.
private struct HoardingPolicy: ProgressionPolicy {
    var label: String { "hoarding" }
    func start(_ baseline: BaselineObservation) -> ([Int], PolicyDecision) {
        ([], PolicyDecision(StartingDose.seedDocument, reason: "start"))
    }
    func decide(after week: WeekObservation, state: inout [Int]) -> PolicyDecision {
        state.append(week.painReport)
        return PolicyDecision(StartingDose.seedDocument, reason: "hoard")
    }
}

@Suite struct AllocationCheckTests {
    /// Every kind of week: progress, discomfort, partial adherence, rest,
    /// resumption, referral, dropout.
    static let script: [ScriptedWeek] = [
        ScriptedWeek(painReport: 4), ScriptedWeek(painReport: 3),
        ScriptedWeek(painReport: 5, session: ScriptedWeek.session(before: 2, during: 7, after: 6, nextMorning: 5)),
        ScriptedWeek(painReport: 4, done: 1), ScriptedWeek(painReport: 6, referral: true),
        ScriptedWeek(painReport: 5, delivery: .rest), ScriptedWeek(painReport: 4, delivery: .resumed(at: 0.7)),
        ScriptedWeek(painReport: 3, session: ScriptedWeek.session(effort: 8, sets: 2, lowestReps: 12)),
    ] + Array(repeating: ScriptedWeek(painReport: 2), count: 12) + Array(repeating: .droppedOut(painReport: 4), count: 4)

    @Test(arguments: PolicyCatalogue.defaultLabels)
    func noBuiltInPolicyAllocates(label: String) throws {
        let policy = try PolicyCatalogue.policy(label)
        try check(policy)
    }

    private func check<Policy: ProgressionPolicy>(_ policy: Policy) throws {
        try AllocationCheck.run(policy, weeks: Self.script)
    }

    @Test func aRuleTablePolicyDoesNotAllocate() throws {
        let rules = [
            RuleTablePolicy.Rule(
                condition: try RuleParser.condition("pain_after > 5 or next_morning_pain > baseline + 1"),
                actions: try RuleParser.actions("reduce load 20%"), text: "reduce"),
            RuleTablePolicy.Rule(
                condition: try RuleParser.condition("sessions_done == sessions_prescribed"),
                actions: try RuleParser.actions("increase minutes 10%"), text: "progress"),
        ]
        try AllocationCheck.run(RuleTablePolicy(label: "rules", rules: rules), weeks: Self.script)
    }

    @Test func anAllocatingPolicyFailsTheCheck() {
        #expect(throws: AllocationCheckError.self) { try AllocationCheck.run(HoardingPolicy(), weeks: Self.script) }
        do {
            try AllocationCheck.run(HoardingPolicy(), weeks: Self.script)
        } catch let error {
            guard case let .allocated(count, policy) = error else {
                Issue.record("expected .allocated, got \(error)")
                return
            }
            #expect(count > 0 && policy == "hoarding")
        }
    }

    @Test func theCounterSeesADeliberateAllocation() throws {
        let count = try AllocationCheck.countingAllocations {
            let array = Array(repeating: 1, count: 100)
            withExtendedLifetime(array) {}
        }
        #expect(count >= 1)
    }
}
