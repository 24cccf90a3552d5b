/// Streams person-weeks of one policy into per-week count histograms.
///
/// Memory is (metrics × weeks × histogram size), independent of the number
/// of people. Recording never allocates.
struct OutcomeAccumulator {
    private(set) var pain: MetricSeries
    private(set) var adherence: MetricSeries
    private(set) var retention: MetricSeries

    init(weeks: Int) {
        pain = MetricSeries(metric: .pain, weeks: weeks)
        adherence = MetricSeries(metric: .adherence, weeks: weeks)
        retention = MetricSeries(metric: .retention, weeks: weeks)
    }

    @inline(__always)
    mutating func record(_ outcome: WeekOutcome) {
        let week = outcome.week
        pain.weeks[week].record(outcome.painReport)
        retention.weeks[week].record(outcome.retained ? 1 : 0)
        if outcome.sessionsPrescribed > 0 {
            adherence.weeks[week].record(outcome.sessionsDone * 420 / outcome.sessionsPrescribed)
        }
    }

    mutating func merge(_ other: OutcomeAccumulator) {
        pain.merge(other.pain)
        adherence.merge(other.adherence)
        retention.merge(other.retention)
    }

    func outcome(label: String) -> PolicyOutcome {
        PolicyOutcome(label: label, series: [pain, adherence, retention])
    }
}
