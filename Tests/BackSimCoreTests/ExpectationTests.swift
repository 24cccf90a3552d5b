import BackSimCore
import Testing

/// The smooth expectations calibration uses agree with the sampled reports
/// and move smoothly with a parameter.
@Suite struct ExpectationTests {
    static func run(benefit: Double, persons: Int = 2_000) throws -> SimulationResult {
        var parameters = ModelParameters.defaults
        parameters.painBenefit = benefit
        var plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: [ControlPolicy(), GuidelinePolicy()], persons: persons, weeks: 12,
            seed: 8, parameters: parameters, threads: 2)
        plan.recordsExpectations = true
        return try Simulator.run(plan)
    }

    @Test func expectedReportsAgreeWithSampledReports() throws {
        let result = try Self.run(benefit: ModelParameters.defaults.painBenefit)
        for policy in result.policies {
            let expected = try #require(policy.expectedPain)
            let disability = try #require(policy.expectedDisability)
            for week in [0, 6, 12] {
                let sampled = policy.series(.pain)!.weeks[week]
                let standardError = sampled.standardDeviation! / Double(sampled.count).squareRoot()
                #expect(abs(expected[week] - sampled.mean!) < 4 * standardError + 0.02, "\(policy.label) week \(week)")
                #expect(abs(disability[week] - policy.series(.disability)!.weeks[week].mean!) < 0.05)
            }
        }
    }

    @Test func expectationsMoveSmoothlyWithAParameter() throws {
        // 6,000 persons: at 2,000 the Monte Carlo part of the second
        // difference (persons whose adherence or dropout flips between
        // steps) reached 0.36 of the first on one seed in twelve.
        let values = try [0.50, 0.51, 0.52].map { try Self.run(benefit: $0, persons: 6_000).policies[1].expectedPain![12] }
        // Monotone, and nearly linear over a small step (no jumps from rounding).
        #expect(values[0] > values[1] && values[1] > values[2])
        let first = values[0] - values[1], second = values[1] - values[2]
        #expect(abs(first - second) < 0.25 * first)
    }

    @Test func offByDefault() throws {
        let plan = SimulationPlan(cohort: BuiltInCohorts.acute, policies: [ControlPolicy()], persons: 10, weeks: 2)
        #expect(try Simulator.run(plan).policies[0].expectedPain == nil)
    }
}
