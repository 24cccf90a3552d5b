import BackSimCore
import BackSimTestSupport
import Testing

@Suite struct DeterminismTests {
    /// Same plan and seed ⇒ identical outcomes, whatever the thread count.
    @Test(arguments: [2, 3, 8])
    func resultsDoNotDependOnTheThreadCount(_ threads: Int) throws {
        let policies = PolicyCatalogue.defaultLabels
        let one = try Runs.compare(cohort: "mixed", policies: policies, persons: 333, weeks: 10, seed: 5,
                                   replications: 2, threads: 1)
        let many = try Runs.compare(cohort: "mixed", policies: policies, persons: 333, weeks: 10, seed: 5,
                                    replications: 2, threads: threads)
        #expect(one.policies == many.policies)
    }

    @Test func differentSeedsGiveDifferentResults() throws {
        let a = try Runs.compare(cohort: "chronic", policies: ["guideline"], persons: 200, weeks: 4, seed: 1)
        let b = try Runs.compare(cohort: "chronic", policies: ["guideline"], persons: 200, weeks: 4, seed: 2)
        #expect(a.policies != b.policies)
    }

    /// A traced person's figures are that person's share of the full run.
    @Test func aTracedPersonIsThePersonOfTheRun() throws {
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: [GuidelinePolicy()], persons: 1, weeks: 8, seed: 11)
        let run = try Simulator.run(plan)
        let trace = try Simulator.trace(plan, policyIndex: 0, person: 0)
        for week in 0...8 {
            let pain = run.policies[0].series(.pain)!.weeks[week]
            #expect(pain.count(of: trace.weeks[week].outcome.painReport) == 1)
        }
    }
}
