import BackSimCore
import BackSimScenario
import Foundation
import Stochastics
import Testing
@testable import BackSimStudies

@Suite struct ProbabilisticAnalysisTests {
    /// Every distribution fixed at the base value: each draw is `compare`.
    @Test func fixedAtBaseReproducesCompareDrawByDraw() throws {
        let scenario = try studyScenario(uncertainty: """
            uncertainty:
              parameters:
                dropout.base: {distribution: fixed, value: \(ModelParameters.defaults.dropoutBase)}
                flare.base: {distribution: fixed, value: \(ModelParameters.defaults.flareBase)}
            """)
        let outcomes: [StudyOutcome] = [.pain, .retention, .disability]
        let analysis = try ProbabilisticAnalysis(
            scenario: scenario, draws: .sampled(scenario.uncertainty!, seed: scenario.seed), count: 3, outcomes: outcomes,
            week: 12, threads: 2)
        let partial = try analysis.run()
        let compare = try Simulator.run(scenario.plan(threads: 2))
        let metrics: [Metric] = [.pain, .retention, .disability]
        for draw in partial.draws {
            for (o, metric) in metrics.enumerated() {
                for (p, policy) in compare.policies.enumerated() {
                    let histogram = policy.series(metric)!.weeks[12]
                    let estimate = draw.tally.estimate(outcome: o, policy: p)
                    #expect(estimate.count == histogram.count)
                    #expect(estimate.sum == histogram.sum, "draw \(draw.draw) \(metric.name) \(policy.label)")
                }
            }
            // Paired pain differences equal compare's paired histograms.
            let paired = try #require(compare.comparison("guideline", against: "control")?.sample(.pain, week: 12))
            let mine = draw.tally.difference(outcome: 0, policy: 1, reference: 0)
            #expect(mine.count == paired.count)
            #expect(abs(mine.mean - paired.mean!) < 1e-12)
        }
    }

    /// A policy far better than the others in every draw: P(best) = 1, EVPI 0.
    @Test func dominatingPolicyHasProbabilityOneAndNoEVPI() throws {
        let scenario = try studyScenario(policies: "[control, double-progression:5]", uncertainty: """
            uncertainty:
              parameters:
                flare.base: {distribution: uniform, min: 0.005, max: 0.02}
                adherence.habit: {distribution: normal, mean: 0.3, sd: 0.1}
            """)
        let analysis = try ProbabilisticAnalysis(
            scenario: scenario, draws: .sampled(scenario.uncertainty!, seed: 5), count: 12, outcomes: [.pain],
            week: 12, threads: 2)
        let partial = try analysis.run()
        let summary = try PSAOutcomeSummary(partial, outcome: .pain, outcomeIndex: 0, reference: "control")
        let treated = summary.policies[1]
        // The margin is many Monte Carlo SEs in every draw.
        for draw in partial.draws {
            let d = draw.tally.difference(outcome: 0, policy: 1, reference: 0)
            #expect(d.mean < -5 * d.standardError)
        }
        #expect(treated.probabilityBest == 1)
        #expect(summary.policies[0].probabilityBest == 0)
        #expect(summary.evpiUpper == 0)
        #expect(summary.evpiLower == 0)
    }

    /// v_A = a + bθ + noise, θ ~ N(μ, σ²), v_B = 0: P(A best) = Φ(m/s) and
    /// EVPI = s φ(m/s) + m Φ(m/s) − max(0, m), with m = a + bμ, s = |b|σ.
    @Test func closedFormProbabilityBestAndEVPI() throws {
        let (a, b, mu, sigma) = (0.2, -0.5, 0.4, 1.0)
        let draws = 4_000, persons = 200
        var normals = SeededNormals(state: 2026)
        let outcome = StudyOutcome(name: "benefit", unit: "points", higherIsBetter: true, scale: 0.01, importantDifference: 0.25)
        var results: [DrawResult] = []
        for draw in 0..<draws {
            let theta = mu + sigma * normals.next()
            var tally = OutcomeTally(outcomes: 1, policies: 2)
            for person in 0..<persons {
                let value = a + b * theta + normals.next()
                tally.record([0, Int((value * 100).rounded())], half: person & 1)
            }
            results.append(DrawResult(draw: draw, values: [theta], tally: tally))
        }
        let partial = PSAPartial(parameters: ["theta"], policies: ["B", "A"], outcomes: ["benefit"], week: 0, draws: results)
        let summary = try PSAOutcomeSummary(partial, outcome: outcome, outcomeIndex: 0, reference: "B")

        let m = a + b * mu, s = abs(b) * sigma
        let pBest = Normal.cdf(m / s)
        let density = exp(-0.5 * (m / s) * (m / s)) / (2 * Double.pi).squareRoot()
        let evpi = s * density + m * Normal.cdf(m / s) - max(0, m)
        // Tolerances: 4 Monte Carlo SEs over draws, plus the per-draw noise
        // (SE 1/√200 ≈ 0.07, small beside s = 0.5).
        let pTolerance = 4 * (pBest * (1 - pBest) / Double(draws)).squareRoot() + 0.02
        #expect(abs(summary.policies[1].probabilityBest - pBest) < pTolerance, "P(best) \(summary.policies[1].probabilityBest) vs \(pBest)")
        let evpiTolerance = 4 * s / Double(draws).squareRoot()
        #expect(summary.evpiLower <= evpi + evpiTolerance, "lower \(summary.evpiLower) vs \(evpi)")
        #expect(summary.evpiUpper >= evpi - evpiTolerance, "upper \(summary.evpiUpper) vs \(evpi)")
        #expect(abs(summary.evpiUpper - evpi) < evpiTolerance + 0.01)
        #expect(abs(summary.evpiLower - evpi) < evpiTolerance + 0.01)
        // Variance decomposition: parameters b²σ², Monte Carlo 1/n.
        let decomposition = summary.policies[1]
        #expect(abs(decomposition.monteCarloVariance - 1.0 / Double(persons)) < 0.0005)
        #expect(abs(decomposition.parameterVariance - s * s) < 4 * s * s * (2.0 / Double(draws)).squareRoot())
    }

    @Test func partialsMergeInAnyOrderToTheWholeRun() throws {
        let scenario = try studyScenario(persons: 100, weeks: 6, uncertainty: """
            uncertainty:
              parameters:
                dropout.base: {distribution: normal, mean: -3.9, sd: 0.3}
                flare.base: {distribution: beta, a: 2, b: 150}
              correlations:
                - {between: [dropout.base, flare.base], rank: 0.5}
            """)
        let analysis = try ProbabilisticAnalysis(
            scenario: scenario, draws: .sampled(scenario.uncertainty!, seed: 9), count: 6, outcomes: [.pain, .retention],
            week: 6, threads: 2)
        let whole = try analysis.run()
        let first = try analysis.run(draws: 0..<2), second = try analysis.run(draws: 2..<5), third = try analysis.run(draws: 5..<6)
        var forward = first
        try forward.merge(second)
        try forward.merge(third)
        var backward = third
        try backward.merge(first)
        try backward.merge(second)
        #expect(forward == whole)
        #expect(backward == whole)
        #expect(throws: StudyError.merge("draw 0 is in both partial results")) { try forward.merge(first) }
    }

    @Test func identicalAcrossThreadCounts() throws {
        let scenario = try studyScenario(persons: 150, weeks: 6, uncertainty: """
            uncertainty:
              parameters:
                adherence.habit: {distribution: normal, mean: 0.3, sd: 0.3}
            """)
        func report(threads: Int) throws -> String {
            let analysis = try ProbabilisticAnalysis(
                scenario: scenario, draws: .sampled(scenario.uncertainty!, seed: 3), count: 4, outcomes: [.pain],
                week: 6, threads: threads)
            let provenance = StudyProvenance(scenario: "s", origin: "o", contentHash: "h", seed: 3, persons: 150, settings: [], overriddenByFlags: [])
            let report = try PSAReport(try analysis.run(), outcomes: [.pain], reference: "control", provenance: provenance)
            return report.json() + report.csv() + report.perDrawCSV()
        }
        #expect(try report(threads: 1) == report(threads: 2))
        #expect(try report(threads: 1) == report(threads: 3))
    }

    /// Draws keyed by (seed, draw) have the asked rank correlation.
    @Test func rankCorrelationOfDraws() throws {
        let scenario = try studyScenario(uncertainty: """
            uncertainty:
              parameters:
                dropout.base: {distribution: normal, mean: -3.9, sd: 0.3}
                flare.base: {distribution: beta, a: 2, b: 150}
              correlations:
                - {between: [dropout.base, flare.base], rank: -0.6}
            """)
        let draws = ParameterDraws.sampled(scenario.uncertainty!, seed: 11)
        let stream = try RandomStream()
        let values = try (0..<4_000).map { try draws.values(draw: $0, stream: stream) }
        func ranks(_ xs: [Double]) -> [Double] {
            var result = [Double](repeating: 0, count: xs.count)
            for (rank, index) in xs.indices.sorted(by: { xs[$0] < xs[$1] }).enumerated() { result[index] = Double(rank) }
            return result
        }
        let (x, y) = (ranks(values.map { $0[0] }), ranks(values.map { $0[1] }))
        let mean = Double(x.count - 1) / 2
        let covariance = zip(x, y).map { ($0 - mean) * ($1 - mean) }.reduce(0, +)
        let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        #expect(abs(covariance / variance - -0.6) < 0.04)
        // Draw 17 alone equals draw 17 of the sequence.
        #expect(try draws.values(draw: 17, stream: try RandomStream()) == values[17])
    }
}
