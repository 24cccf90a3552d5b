import Stochastics

/// Per-person differences between two policies run on the same people with
/// the same luck, `first` minus `second`, for every compared outcome
/// (``PairedOutcome/all``) at every week.
public struct PairedComparison: Equatable, Sendable {
    /// The policy whose values come first in the differences.
    public let first: String
    /// The policy subtracted.
    public let second: String
    /// Weeks after baseline: differences exist for weeks 0 through `weeks`.
    public let weeks: Int
    /// Compared on every outcome; otherwise (a pair without the run's
    /// reference, ``SimulationPlan/reference``) on pain and disability only.
    public let isComplete: Bool
    let integer: [PairedTally]
    let real: [ExactMoments]

    init(first: String, second: String, weeks: Int, isComplete: Bool, integer: [PairedTally], real: [ExactMoments]) {
        self.first = first
        self.second = second
        self.weeks = weeks
        self.isComplete = isComplete
        self.integer = integer
        self.real = real
    }

    /// The differences on `metric` at `week`; nil when the metric is not
    /// compared (for this pair) or the week is outside 0...weeks.
    public func sample(_ metric: Metric, week: Int) -> PairedSample? {
        guard (0...weeks).contains(week), isComplete || metric == .pain || metric == .disability else { return nil }
        if let index = PairedAccumulator.integerOutcomes.firstIndex(where: { $0.metric == metric }) {
            let tally = integer[index * (weeks + 1) + week]
            return PairedSample(
                metric: metric, count: tally.count, mean: tally.mean(scale: metric.scale),
                standardDeviation: tally.standardDeviation(scale: metric.scale),
                table: metric.isProportion ? tally.table : nil)
        }
        if let index = PairedAccumulator.realOutcomes.firstIndex(where: { $0.metric == metric }) {
            let moments = real[index * (weeks + 1) + week]
            return PairedSample(
                metric: metric, count: moments.count, mean: moments.mean, standardDeviation: moments.standardDeviation,
                table: nil)
        }
        return nil
    }

    /// The same comparison the other way round (`second` minus `first`).
    public var reversed: PairedComparison {
        PairedComparison(
            first: second, second: first, weeks: weeks, isComplete: isComplete, integer: integer.map(\.reversed),
            real: real.map { ExactMoments(count: $0.count, sumOfTicks: -$0.sumOfTicks, sumOfSquaredTicks: $0.sumOfSquaredTicks) })
    }
}
