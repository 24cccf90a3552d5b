import BackSimCalibration
import BackSimCore
import Stochastics
import Testing

/// How a target's simulated value, its Monte Carlo error and its loss are
/// computed from a run.
@Suite struct EstimateTests {
    /// The engine's own figures for chronic, guideline and control, 200
    /// persons, 12 weeks, seed 5.
    static func engineRun() throws -> SimulationResult {
        try Simulator.run(SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: [GuidelinePolicy(), ControlPolicy()], persons: 200, weeks: 12,
            seed: 5, threads: 2))
    }

    static let yaml = """
        name: estimates
        description: one target per way of estimating
        persons: 200
        seed: 5
        targets:
          - {name: pain-100, cohort: chronic, policy: guideline, outcome: pain, unit: 0-100, week: 6, value: 40, interval: [30, 50], source: x}
          - {name: dropout, cohort: chronic, policy: guideline, outcome: dropout, unit: percent, week: 12, range: [10, 20], source: x}
          - {name: non-adherence, cohort: chronic, policy: guideline, outcome: non_adherence, weeks: [1, 12], range: [0.3, 0.7], source: x}
          - {name: pain-difference, cohort: chronic, policy: guideline, versus: control, outcome: pain, week: 12, value: -1.5, interval: [-1.8, -1.2], source: x}
          - {name: retention-difference, cohort: chronic, policy: guideline, versus: control, outcome: retention, week: 12, value: -0.1, interval: [-0.2, 0], source: x}
          - {name: control-pain, cohort: chronic, policy: control, outcome: pain, week: 12, value: 5.6, interval: [5.5, 5.7], source: x}

        """

    @Test func estimatesFollowTheEngineFigures() throws {
        let runner = EvidenceRunner(files: [try Support.parse(Self.yaml)], settings: .init(threads: 1))
        #expect(runner.runCount == 1, "one cohort, size and seed: one run")
        let estimates = try runner.evaluate()
        let result = try Self.engineRun()
        func histogram(_ label: String, _ metric: Metric, _ week: Int) -> CountHistogram {
            result.policies.first { $0.label == label }!.series(metric)!.weeks[week]
        }
        func se(_ h: CountHistogram, scale: Double = 1) -> Double { h.standardDeviation! * scale / Double(h.count).squareRoot() }

        // Pain on 0-100: ten times the NRS mean, and its standard error.
        let pain6 = histogram("guideline", .pain, 6)
        #expect(abs(estimates[0].value! - 10 * pain6.mean!) < 1e-9)
        #expect(abs(estimates[0].standardError! - 10 * se(pain6)) < 1e-9)
        #expect(estimates[0].errorMethod == .single)

        // Dropout in percent: 100 × (1 − retention).
        let retention12 = histogram("guideline", .retention, 12)
        #expect(abs(estimates[1].value! - 100 * (1 - retention12.mean!)) < 1e-9)

        // Non-adherence over weeks 1-12: the mean of the weekly means of
        // 1 − adherence, with the mean of the weekly standard errors.
        let weeks = (1...12).map { histogram("guideline", .adherence, $0) }
        let weekly = weeks.map { 1 - $0.mean! * Metric.adherence.scale }
        #expect(abs(estimates[2].value! - weekly.reduce(0, +) / 12) < 1e-9)
        let errors = weeks.map { se($0, scale: Metric.adherence.scale) }
        #expect(abs(estimates[2].standardError! - errors.reduce(0, +) / 12) < 1e-9)

        // A pain difference: the arms' means subtracted, with the paired
        // per-person differences' standard error (smaller than unpaired).
        let guideline12 = histogram("guideline", .pain, 12), control12 = histogram("control", .pain, 12)
        #expect(abs(estimates[3].value! - (guideline12.mean! - control12.mean!)) < 1e-9)
        #expect(estimates[3].errorMethod == .paired)
        let unpaired = (se(guideline12) * se(guideline12) + se(control12) * se(control12)).squareRoot()
        #expect(estimates[3].standardError! < unpaired)

        // No paired data for the shares: the conservative unpaired error.
        #expect(estimates[4].errorMethod == .unpaired)

        // Without expectations recorded, the smooth value is the sampled one.
        #expect(estimates[0].smooth == estimates[0].value)
    }

    @Test func smoothEstimatesAreExpectedReportsWhenRecorded() throws {
        let runner = EvidenceRunner(files: [try Support.parse(Self.yaml)], settings: .init(threads: 2))
        let estimates = try runner.evaluate(expectations: true)
        // The expected report and the sampled mean estimate the same thing.
        let pain = estimates[5]
        #expect(pain.smooth != pain.value)
        #expect(abs(pain.smooth! - pain.value!) < 4 * pain.standardError! + 0.02)
        // The shares have no smooth counterpart.
        #expect(estimates[1].smooth == estimates[1].value)
    }

    @Test func verdicts() throws {
        let runner = EvidenceRunner(files: [try Support.parse(Self.yaml)], settings: .init(threads: 2))
        let estimates = try runner.evaluate()
        for estimate in estimates {
            let inside = estimate.target.published.contains(estimate.value!)
            let published = estimate.target.published, interval = estimate.interval!
            let overlaps = interval.high >= published.low && interval.low <= published.high
            let within = interval.low >= published.low && interval.high <= published.high
            let expected: TargetEstimate.Verdict = inside ? (within ? .inside : .nearEdge)
                : (overlaps ? .outsideNearEdge : .outside)
            #expect(estimate.verdict == expected, "\(estimate.target.name)")
            #expect(estimate.isUnsettled == (overlaps && !within))
            #expect(estimate.failsGate == !inside)
            if estimate.verdict == .inside {
                #expect(estimate.interval!.low >= estimate.target.published.low)
                #expect(estimate.interval!.high <= estimate.target.published.high)
            }
        }
    }

    @Test func theLossIsZeroInsideAndQuadraticInWidthsOutside() {
        let figure = PublishedFigure(value: -15.2, low: -18.3, high: -12.2, kind: .interval)
        let loss = TargetLoss()
        #expect(loss(-18.3, figure) == 0 && loss(-15, figure) == 0 && loss(-12.2, figure) == 0)
        // One width outside costs 1, half a width 1/4, on either side.
        #expect(abs(loss(-12.2 + 6.1, figure) - 1) < 1e-12)
        #expect(abs(loss(-18.3 - 3.05, figure) - 0.25) < 1e-12)
        #expect(loss(nil, figure) == TargetLoss.undefined)
        #expect(loss(.nan, figure) == TargetLoss.undefined)

        // A margin keeps the central share only; the scale stays the full width.
        let central = TargetLoss(margin: 0.5)
        let zero = central.zeroInterval(figure)
        #expect(abs(zero.lowerBound - -16.775) < 1e-12 && abs(zero.upperBound - -13.725) < 1e-12)
        #expect(central(-15.25, figure) == 0)
        #expect(abs(central(-12.2, figure) - (1.525 / 6.1) * (1.525 / 6.1)) < 1e-12)
        #expect(central.excess(-12.2, figure) > 0 && central.excess(-18.3, figure) < 0)
    }
}
