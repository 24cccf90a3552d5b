import BackSimCore
import BackSimPolicies
import Stochastics
import Testing

/// The engine's recording (flat buffers written through pointers, each
/// person-week read once for every accumulator) against the metrics'
/// definitions applied to every person's traced weeks, independently.
@Suite struct RecordingTests {
    /// A metric's value for one traced week, from its definition
    /// (`Metric`'s documentation, `docs/model.md`): nil when undefined.
    static func value(_ metric: Metric, _ o: WeekOutcome) -> Double? {
        let weekly = o.week > 0
        switch metric {
        case .pain: return Double(o.painReport)
        case .adherence:
            return weekly && o.sessionsPrescribed > 0 ? Double(o.sessionsDone * 420 / o.sessionsPrescribed) : nil
        case .retention: return o.retained ? 1 : 0
        case .disability: return Double(o.disability)
        case .sessionsDone: return weekly ? Double(o.sessionsDone) : nil
        case .load: return weekly ? Double(min(Int((o.load / 10).rounded()), 1_500)) : nil
        case .flareUps: return Double(min(o.flareUps, 50))
        case .referrals: return Double(min(o.referrals, 50))
        case .doctorFlags: return o.doctorFlag ? 1 : 0
        case .painChange: return Double(o.painReport - o.baselineReport)
        case .disabilityChange: return Double(o.disability - o.baselineDisability)
        case .responder30, .responder2pt, .responder50:
            let criterion = metric == .responder30 ? WeekOutcome.responds30
                : metric == .responder2pt ? WeekOutcome.responds2pt : WeekOutcome.responds50
            return WeekOutcome.sustained(
                criterion, baseline: o.baselineReport, previous: o.previousPainReport, report: o.painReport) ? 1 : 0
        case .aerobicMinutes: return weekly ? Double(min(Int(o.aerobicMinutes.rounded()), 600)) : nil
        case .strengthVolume: return weekly ? Double(min(Int((o.strengthVolume / 5).rounded()), 1_000)) : nil
        case .acuteLoad: return weekly ? o.loads.acuteLoad : nil
        case .chronicLoad: return weekly ? o.loads.chronicLoadCoupled : nil
        case .acwrCoupled: return weekly ? o.loads.ratio(.coupled) : nil
        case .acwrUncoupled: return weekly ? o.loads.ratio(.uncoupled) : nil
        case .acwrEWMA: return weekly ? o.loads.ratio(.ewma) : nil
        case .fitness: return weekly ? o.loads.fitness : nil
        case .fatigue: return weekly ? o.loads.fatigue : nil
        case .form: return weekly ? o.loads.form : nil
        case .referred: return o.referrals > 0 ? 1 : 0
        case .painFree: return o.painReport == 0 ? 1 : 0
        case .recovered: return o.firstPainFreeWeek > 0 ? 1 : 0
        default: Issue.record("no definition for \(metric.name) in this test"); return nil
        }
    }

    @Test("Every metric, week and pair equals its definition over the traced persons")
    func runEqualsDefinitionsOverTraces() throws {
        let plan = SimulationPlan(
            cohort: BuiltInCohorts.mixed, policies: [ControlPolicy(), GuidelinePolicy(), try PolicyCatalogue.policy("acwr-band:ewma")],
            persons: 40, weeks: 9, replications: 1, seed: 15, threads: 2)
        let result = try Simulator.run(plan)
        // traces[policy][person]
        let traces = try plan.policies.indices.map { policy in
            try (0..<plan.persons).map { try Simulator.trace(plan, policyIndex: policy, person: $0).weeks.map(\.outcome) }
        }
        for (policy, outcome) in result.policies.enumerated() {
            for metric in Metric.all {
                let series = try #require(outcome.series(metric))
                for week in 0...plan.weeks {
                    let values = traces[policy].compactMap { Self.value(metric, $0[week]) }
                    if metric.isContinuous {
                        #expect(series.moments[week] == ExactMoments(recording: values), "\(metric.name) week \(week)")
                    } else {
                        let expected = CountHistogram(range: metric.recordedRange, recording: values.map { Int($0) })
                        #expect(series.weeks[week] == expected, "\(metric.name) week \(week)")
                    }
                }
            }
            let last = traces[policy].map { $0[plan.weeks] }
            let firstResponse = CountHistogram(
                range: 1...(plan.weeks + 1),
                recording: last.map { $0.firstResponseWeek == 0 ? plan.weeks + 1 : $0.firstResponseWeek })
            #expect(outcome.firstResponseWeeks == firstResponse)
            let dropout = CountHistogram(
                range: 1...(plan.weeks + 1), recording: last.map { $0.dropoutWeek == 0 ? plan.weeks + 1 : $0.dropoutWeek })
            #expect(outcome.dropoutWeeks == dropout)
        }
        // Paired: the first policy minus the second, person by person.
        for (i, j) in [(0, 1), (0, 2), (1, 2)] {
            let comparison = try #require(result.comparison(plan.policies[i].label, against: plan.policies[j].label))
            for metric in Metric.all {
                for week in 0...plan.weeks {
                    let sample = try #require(comparison.sample(metric, week: week))
                    let pairs = (0..<plan.persons).compactMap { person -> (Double, Double)? in
                        guard let x = Self.value(metric, traces[i][person][week]),
                              let y = Self.value(metric, traces[j][person][week]) else { return nil }
                        return (x, y)
                    }
                    #expect(sample.count == Int64(pairs.count), "\(metric.name) week \(week)")
                    guard !pairs.isEmpty else { continue }
                    // Differences in recorded integers or in fixed-point ticks, exactly summed.
                    let sum = metric.isContinuous
                        ? Double(pairs.map { ExactMoments.ticks($0.0) - ExactMoments.ticks($0.1) }.reduce(0, +)) / 1e6
                        : pairs.map { $0.0 - $0.1 }.reduce(0, +) * metric.scale
                    let mean = try #require(sample.mean)
                    #expect(abs(mean - sum / Double(pairs.count)) <= 1e-9 * max(1, abs(mean)), "\(metric.name) week \(week)")
                }
            }
        }
    }
}
