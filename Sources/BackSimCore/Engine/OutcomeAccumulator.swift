import Stochastics

/// Streams person-weeks of one policy into per-week count histograms.
///
/// Memory is (metrics × weeks × histogram size), independent of the number
/// of people. Recording never allocates.
struct OutcomeAccumulator {
    private(set) var series: [MetricSeries]
    /// Smooth per-week sums for calibration (see ``SimulationPlan/recordsExpectations``),
    /// in fixed point so that merging stays exact and order-independent.
    private var expectedPainSums: [Int64]?
    private var disabilityScoreSums: [Int64]?
    private var expectationCounts: [Int64]?
    private let reportSD: Double
    static let fixedPoint = 1_000_000.0

    /// Per person, the first week meeting the ≥30% responder definition
    /// (1…W; W + 1 = not by the horizon, i.e. censored) and the week of
    /// dropout (W + 1 = retained to the horizon): the inputs of Kaplan-Meier.
    private(set) var firstResponse: CountHistogram
    private(set) var dropout: CountHistogram
    private let weeks: Int

    // Positions in `series` (Metric.all order).
    private static let pain = 0, adherence = 1, retention = 2, disability = 3, sessionsDone = 4, load = 5,
        flareUps = 6, referrals = 7, doctorFlags = 8, painChange = 9, disabilityChange = 10, responder30 = 11,
        responder2pt = 12, responder50 = 13, aerobicMinutes = 14, strengthVolume = 15, acuteLoad = 16,
        chronicLoad = 17, acwrCoupled = 18, acwrUncoupled = 19, acwrEWMA = 20, fitness = 21, fatigue = 22, form = 23,
        referred = 24, painFree = 25, recovered = 26

    init(weeks: Int, expectations: Bool = false, reportSD: Double = 0) {
        series = Metric.all.map { MetricSeries(metric: $0, weeks: weeks) }
        self.reportSD = reportSD
        self.weeks = weeks
        firstResponse = CountHistogram(range: 1...(weeks + 1))
        dropout = CountHistogram(range: 1...(weeks + 1))
        if expectations {
            expectedPainSums = Array(repeating: 0, count: weeks + 1)
            disabilityScoreSums = Array(repeating: 0, count: weeks + 1)
            expectationCounts = Array(repeating: 0, count: weeks + 1)
        }
    }

    @inline(__always)
    mutating func record(_ outcome: WeekOutcome) {
        let week = outcome.week
        series[Self.pain].weeks[week].record(outcome.painReport)
        series[Self.retention].weeks[week].record(outcome.retained ? 1 : 0)
        series[Self.disability].weeks[week].record(outcome.disability)
        series[Self.flareUps].weeks[week].record(min(outcome.flareUps, 50))
        series[Self.referrals].weeks[week].record(min(outcome.referrals, 50))
        series[Self.doctorFlags].weeks[week].record(outcome.doctorFlag ? 1 : 0)
        series[Self.referred].weeks[week].record(outcome.referrals > 0 ? 1 : 0)
        let baseline = outcome.baselineReport, report = outcome.painReport
        series[Self.painChange].weeks[week].record(report - baseline)
        series[Self.disabilityChange].weeks[week].record(outcome.disability - outcome.baselineDisability)
        let previous = outcome.previousPainReport
        series[Self.responder30].weeks[week].record(
            WeekOutcome.sustained(WeekOutcome.responds30, baseline: baseline, previous: previous, report: report) ? 1 : 0)
        series[Self.responder2pt].weeks[week].record(
            WeekOutcome.sustained(WeekOutcome.responds2pt, baseline: baseline, previous: previous, report: report) ? 1 : 0)
        series[Self.responder50].weeks[week].record(
            WeekOutcome.sustained(WeekOutcome.responds50, baseline: baseline, previous: previous, report: report) ? 1 : 0)
        series[Self.painFree].weeks[week].record(report == 0 ? 1 : 0)
        series[Self.recovered].weeks[week].record(outcome.firstPainFreeWeek > 0 ? 1 : 0)
        if week == weeks {
            firstResponse.record(outcome.firstResponseWeek == 0 ? weeks + 1 : outcome.firstResponseWeek)
            dropout.record(outcome.dropoutWeek == 0 ? weeks + 1 : outcome.dropoutWeek)
        }
        if expectationCounts != nil {
            let expected = PainReport.expectedNRS(outcome.latentPain, sd: reportSD)
            expectedPainSums![week] += Int64((expected * Self.fixedPoint).rounded())
            disabilityScoreSums![week] += Int64((outcome.disabilityScore * Self.fixedPoint).rounded())
            expectationCounts![week] += 1
        }
        guard week > 0 else { return }
        series[Self.sessionsDone].weeks[week].record(outcome.sessionsDone)
        series[Self.load].weeks[week].record(min(Int((outcome.load / 10).rounded()), 1_500))
        series[Self.aerobicMinutes].weeks[week].record(min(Int(outcome.aerobicMinutes.rounded()), 600))
        series[Self.strengthVolume].weeks[week].record(min(Int((outcome.strengthVolume / 5).rounded()), 1_000))
        let loads = outcome.loads
        series[Self.acuteLoad].moments[week].record(loads.acuteLoad)
        series[Self.chronicLoad].moments[week].record(loads.chronicLoadCoupled)
        if let ratio = loads.ratio(.coupled) { series[Self.acwrCoupled].moments[week].record(ratio) }
        if let ratio = loads.ratio(.uncoupled) { series[Self.acwrUncoupled].moments[week].record(ratio) }
        if let ratio = loads.ratio(.ewma) { series[Self.acwrEWMA].moments[week].record(ratio) }
        series[Self.fitness].moments[week].record(loads.fitness)
        series[Self.fatigue].moments[week].record(loads.fatigue)
        series[Self.form].moments[week].record(loads.form)
        if outcome.sessionsPrescribed > 0 {
            series[Self.adherence].weeks[week].record(outcome.sessionsDone * 420 / outcome.sessionsPrescribed)
        }
    }

    init(_ plan: SimulationPlan) {
        self.init(weeks: plan.weeks, expectations: plan.recordsExpectations, reportSD: plan.parameters.reportSD)
    }

    mutating func merge(_ other: OutcomeAccumulator) {
        for index in series.indices { series[index].merge(other.series[index]) }
        firstResponse.merge(other.firstResponse)
        dropout.merge(other.dropout)
        if let counts = other.expectationCounts, expectationCounts != nil {
            for week in counts.indices {
                expectedPainSums![week] += other.expectedPainSums![week]
                disabilityScoreSums![week] += other.disabilityScoreSums![week]
                expectationCounts![week] += counts[week]
            }
        }
    }

    func outcome(label: String) -> PolicyOutcome {
        var outcome = PolicyOutcome(label: label, series: series)
        outcome.firstResponseWeeks = firstResponse
        outcome.dropoutWeeks = dropout
        if let counts = expectationCounts {
            func means(_ sums: [Int64]) -> [Double] {
                zip(sums, counts).map { $1 > 0 ? Double($0) / Self.fixedPoint / Double($1) : .nan }
            }
            outcome.expectedPain = means(expectedPainSums!)
            outcome.expectedDisability = means(disabilityScoreSums!)
        }
        return outcome
    }
}
