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

    // Positions in `series` (Metric.all order).
    private static let pain = 0, adherence = 1, retention = 2, disability = 3, sessionsDone = 4, load = 5,
        flareUps = 6, referrals = 7, doctorFlags = 8

    init(weeks: Int, expectations: Bool = false, reportSD: Double = 0) {
        series = Metric.all.map { MetricSeries(metric: $0, weeks: weeks) }
        self.reportSD = reportSD
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
        if expectationCounts != nil {
            let expected = PainReport.expectedNRS(outcome.latentPain, sd: reportSD)
            expectedPainSums![week] += Int64((expected * Self.fixedPoint).rounded())
            disabilityScoreSums![week] += Int64((outcome.disabilityScore * Self.fixedPoint).rounded())
            expectationCounts![week] += 1
        }
        guard week > 0 else { return }
        series[Self.sessionsDone].weeks[week].record(outcome.sessionsDone)
        series[Self.load].weeks[week].record(min(Int((outcome.load / 10).rounded()), 1_500))
        if outcome.sessionsPrescribed > 0 {
            series[Self.adherence].weeks[week].record(outcome.sessionsDone * 420 / outcome.sessionsPrescribed)
        }
    }

    init(_ plan: SimulationPlan) {
        self.init(weeks: plan.weeks, expectations: plan.recordsExpectations, reportSD: plan.parameters.reportSD)
    }

    mutating func merge(_ other: OutcomeAccumulator) {
        for index in series.indices { series[index].merge(other.series[index]) }
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
