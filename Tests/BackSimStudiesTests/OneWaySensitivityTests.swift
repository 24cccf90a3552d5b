import BackSimCore
import Stochastics
import Testing
@testable import BackSimStudies

@Suite struct OneWaySensitivityTests {
    /// Function parameters enter disability only: their bars for pain are
    /// zero (exactly, under common random numbers), while a parameter that
    /// enters pain moves it.
    @Test func parameterOutsideTheOutcomeHasAZeroBar() throws {
        let scenario = try studyScenario(policies: "[control, guideline]", uncertainty: """
            uncertainty:
              parameters:
                function.person_sd: {distribution: lognormal, mu: 2, sigma: 0.4}
                capacity.pain_benefit: {distribution: uniform, min: 0.3, max: 0.9}
            """)
        let analysis = try OneWaySensitivity(
            scenario: scenario, uncertainty: scenario.uncertainty!, policy: "guideline", reference: "control",
            outcome: .pain, week: 12, threads: 2)
        let result = try analysis.run()
        let inert = try #require(result.bars.first { $0.parameter == "function.person_sd" })
        #expect(abs(inert.differenceAtLow - result.baseDifference) <= 1.96 * inert.standardErrorAtLow)
        #expect(abs(inert.differenceAtHigh - result.baseDifference) <= 1.96 * inert.standardErrorAtHigh)
        #expect(inert.width == 0)
        let active = try #require(result.bars.first { $0.parameter == "capacity.pain_benefit" })
        #expect(active.width > 4 * max(active.standardErrorAtLow, active.standardErrorAtHigh) / 10)
        #expect(result.bars.map(\.parameter) == ["capacity.pain_benefit", "function.person_sd"])
        #expect(active.differenceAtHigh < active.differenceAtLow, "more benefit, larger pain reduction")
    }

    @Test func percentilesAreThoseOfTheDistribution() throws {
        let scenario = try studyScenario(policies: "[control, guideline]", uncertainty: """
            uncertainty:
              parameters:
                adherence.habit: {distribution: normal, mean: 0.3, sd: 0.5, truncate: [0, 10]}
            """)
        let result = try OneWaySensitivity(
            scenario: scenario, uncertainty: scenario.uncertainty!, policy: "guideline", reference: "control",
            outcome: .retention, week: 6, percentiles: (10, 90), threads: 2).run()
        let bar = result.bars[0]
        // Truncated normal: F⁻¹(F(0) + p (1 − F(0))).
        let f0 = 1 - 0.7257468822499265  // Φ(−0.6)
        #expect(abs(bar.low - (0.3 + 0.5 * (try ContinuousDistribution.normal(mean: 0, sd: 1).quantile(f0 + 0.1 * (1 - f0))))) < 1e-9)
        #expect(bar.high > bar.low)
    }
}
