import BackSim
import Testing

/// Plans check themselves, in the command line's words with the property in
/// place of the flag; nothing runs when they fail.
@Suite struct PlanValidationTests {
    static func plan(
        _ policies: [any ProgressionPolicy] = [GuidelinePolicy(), ControlPolicy()], persons: Int = 10, weeks: Int = 4,
        replications: Int = 1, threads: Int = 1
    ) -> SimulationPlan {
        SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: policies, persons: persons, weeks: weeks,
            replications: replications, threads: threads)
    }

    @Test(arguments: [
        (plan(weeks: -1), "weeks: must be from 1 to 520, got -1"),
        (plan(weeks: 0), "weeks: must be from 1 to 520, got 0"),
        (plan(weeks: 521), "weeks: must be from 1 to 520, got 521"),
        (plan(persons: 0), "persons: must be from 1 to 10000000, got 0"),
        (plan(persons: 10_000_001), "persons: must be from 1 to 10000000, got 10000001"),
        (plan(replications: 0), "replications: must be from 1 to 10000, got 0"),
        (plan(threads: 0), "threads: must be at least 1, got 0"),
        (plan([]), "policies: no policy given; choose from control, fixed, percent, graded-activity, pain-contingent, pain-monitoring, double-progression, acwr-band, fitness-fatigue, rpe, guideline"),
        (plan([GuidelinePolicy(label: ""), ControlPolicy()]), "policies: empty policy name"),
        (plan([GuidelinePolicy(), GuidelinePolicy()]), "policies: 'guideline' is listed twice"),
    ])
    func invalidPlansAreRefusedWithTheCommandLinesWording(plan: SimulationPlan, message: String) {
        #expect(throws: SimulationPlanError.self) { try plan.validate() }
        do {
            try plan.validate()
        } catch {
            #expect(error.description == message)
        }
        // The engine refuses it before simulating anything.
        #expect(throws: SimulationPlanError.self) { try Simulator.run(plan) }
    }

    @Test func theEdgesOfEveryRangeAreAccepted() throws {
        try Self.plan(persons: 1, weeks: 1).validate()
        try Self.plan(weeks: SimulationPlan.maximumWeeks, replications: SimulationPlan.maximumReplications).validate()
        try Self.plan(persons: SimulationPlan.maximumPersons).validate()
    }

    @Test func theReferenceMustBeOneOfThePolicies() throws {
        try Self.plan().validate(reference: "control")
        #expect(throws: SimulationPlanError.unknownReference("percent:10", labels: ["guideline", "control"])) {
            try Self.plan().validate(reference: "percent:10")
        }
        #expect(SimulationPlanError.unknownReference("percent:10", labels: ["guideline", "control"]).description
            == "reference: 'percent:10' is not one of the compared policies (guideline, control)")
    }

    @Test func aReferenceIndexMustNameOneOfThePolicies() throws {
        var plan = Self.plan()
        plan.reference = 1
        try plan.validate()
        plan.reference = 2
        #expect(throws: SimulationPlanError.referenceIndex(2, policies: 2)) { try plan.validate() }
        #expect(SimulationPlanError.referenceIndex(2, policies: 2).description
            == "reference: policy index 2 is not among the plan's 2 policies (0 to 1)")
    }

    @Test func compareThrowsThePlansErrorTyped() {
        #expect(throws: ComparisonError.plan(.duplicateLabel("guideline"))) {
            try compare([GuidelinePolicy(), GuidelinePolicy()], persons: 10, weeks: 2)
        }
        #expect(throws: ComparisonError.plan(.weeks(-1))) {
            try compare([GuidelinePolicy(), ControlPolicy()], weeks: -1)
        }
        #expect(throws: ComparisonError.plan(.unknownReference("rpe", labels: ["guideline", "control"]))) {
            try compare([GuidelinePolicy(), ControlPolicy()], reference: "rpe", persons: 10, weeks: 2)
        }
    }
}
