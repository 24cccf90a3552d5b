/// Streams person-weeks of one policy into per-week count histograms.
///
/// Memory is (metrics × weeks × histogram size), independent of the number
/// of people. Recording never allocates.
struct OutcomeAccumulator {
    private(set) var series: [MetricSeries]

    // Positions in `series` (Metric.all order).
    private static let pain = 0, adherence = 1, retention = 2, disability = 3, sessionsDone = 4, load = 5,
        flareUps = 6, referrals = 7, doctorFlags = 8

    init(weeks: Int) {
        series = Metric.all.map { MetricSeries(metric: $0, weeks: weeks) }
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
        guard week > 0 else { return }
        series[Self.sessionsDone].weeks[week].record(outcome.sessionsDone)
        series[Self.load].weeks[week].record(min(Int((outcome.load / 10).rounded()), 1_500))
        if outcome.sessionsPrescribed > 0 {
            series[Self.adherence].weeks[week].record(outcome.sessionsDone * 420 / outcome.sessionsPrescribed)
        }
    }

    mutating func merge(_ other: OutcomeAccumulator) {
        for index in series.indices { series[index].merge(other.series[index]) }
    }

    func outcome(label: String) -> PolicyOutcome {
        PolicyOutcome(label: label, series: series)
    }
}
