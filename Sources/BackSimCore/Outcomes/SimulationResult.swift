import Stochastics

/// One metric's per-week distributions under one policy.
public struct MetricSeries: Equatable, Sendable {
    public let metric: Metric
    /// Index = week (0 = baseline).
    public internal(set) var weeks: [CountHistogram]

    init(metric: Metric, weeks: Int) {
        self.metric = metric
        // One buffer per week: `Array(repeating:)` would share one and copy on
        // first write, inside the recording loop.
        self.weeks = (0...weeks).map { _ in CountHistogram(range: metric.recordedRange) }
    }

    mutating func merge(_ other: MetricSeries) {
        for week in weeks.indices { weeks[week].merge(other.weeks[week]) }
    }
}

/// Everything simulated under one policy.
public struct PolicyOutcome: Equatable, Sendable {
    public let label: String
    /// In ``Metric/all`` order.
    public internal(set) var series: [MetricSeries]
    /// With ``SimulationPlan/recordsExpectations``: per week, the mean over
    /// persons of the *expected* pain report given latent pain, and of the
    /// unrounded disability score. Smooth in the model's parameters, for
    /// calibration; nil otherwise.
    public internal(set) var expectedPain: [Double]?
    public internal(set) var expectedDisability: [Double]?

    init(label: String, series: [MetricSeries]) {
        self.label = label
        self.series = series
    }

    public func series(_ metric: Metric) -> MetricSeries? { series.first { $0.metric == metric } }
}

/// The result of a run: per-policy outcomes plus what produced them.
public struct SimulationResult: Sendable {
    public let cohort: String
    public let persons: Int
    public let weeks: Int
    public let replications: Int
    public let seed: UInt64
    public let policies: [PolicyOutcome]
    /// Person-weeks simulated over all policies (baseline weeks excluded).
    public let personWeeks: Int
}
