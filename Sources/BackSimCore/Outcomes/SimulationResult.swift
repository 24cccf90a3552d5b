import Stochastics

/// One metric's per-week distributions under one policy.
public struct MetricSeries: Equatable, Sendable {
    /// The metric.
    public let metric: Metric
    /// Index = week (0 = baseline); empty for a continuous metric.
    public internal(set) var weeks: [CountHistogram]
    /// Index = week; only for a continuous metric (``Metric/isContinuous``).
    public internal(set) var moments: [ExactMoments]

    init(metric: Metric, weeks: Int) {
        self.metric = metric
        guard !metric.isContinuous else {
            self.weeks = []
            moments = Array(repeating: ExactMoments(), count: weeks + 1)
            return
        }
        moments = []
        // One buffer per week: `Array(repeating:)` would share one and copy on
        // first write, inside the recording loop.
        self.weeks = (0...weeks).map { _ in CountHistogram(range: metric.recordedRange) }
    }

    mutating func merge(_ other: MetricSeries) {
        for week in weeks.indices { weeks[week].merge(other.weeks[week]) }
        for week in moments.indices { moments[week].merge(other.moments[week]) }
    }
}

/// Everything simulated under one policy.
public struct PolicyOutcome: Equatable, Sendable {
    /// The policy's label.
    public let label: String
    /// In ``Metric/all`` order.
    public internal(set) var series: [MetricSeries]
    /// With ``SimulationPlan/recordsExpectations``: per week, the mean over
    /// persons of the *expected* pain report given latent pain, and of the
    /// unrounded disability score. Smooth in the model's parameters, for
    /// calibration; nil otherwise.
    public internal(set) var expectedPain: [Double]?
    /// With expectations recorded: per week, the mean unrounded disability score.
    public internal(set) var expectedDisability: [Double]?
    /// Per person, the first week meeting the ≥30% responder definition; the
    /// value W + 1 means not by the horizon (censored there).
    public internal(set) var firstResponseWeeks: CountHistogram
    /// Per person, the week of dropout; W + 1 means retained to the horizon.
    public internal(set) var dropoutWeeks: CountHistogram

    init(label: String, series: [MetricSeries]) {
        self.label = label
        self.series = series
        let weeks = max((series.first?.weeks.count ?? 1) - 1, 0)
        firstResponseWeeks = CountHistogram(range: 1...(weeks + 1))
        dropoutWeeks = CountHistogram(range: 1...(weeks + 1))
    }

    /// The series of `metric`, or nil if not recorded.
    public func series(_ metric: Metric) -> MetricSeries? { series.first { $0.metric == metric } }
}

/// The result of a run: per-policy outcomes plus what produced them.
public struct SimulationResult: Sendable {
    /// The cohort's name.
    public let cohort: String
    /// Persons per replication.
    public let persons: Int
    /// Weeks after baseline.
    public let weeks: Int
    /// Replications.
    public let replications: Int
    /// The seed.
    public let seed: UInt64
    /// Everyone's outcomes, one per policy in plan order.
    public let policies: [PolicyOutcome]
    /// Paired per-person differences for every two policies (i < j in plan order).
    public let comparisons: [PairedComparison]
    /// How outcomes were split into ``groups``.
    public let grouping: Grouping
    /// One per subgroup when `grouping` is not `.none`.
    public let groups: [GroupResult]
    /// Person-weeks simulated over all policies (baseline weeks excluded).
    public let personWeeks: Int
    /// Candidates screened under the cohort's enrolment criteria, over all
    /// replications; nil when the cohort has none (nobody is screened).
    public let screened: Int?
    /// The enrolled persons' screening reports (NRS 0-10); nil without criteria.
    public let screeningReports: CountHistogram?

    init(plan: SimulationPlan, groups accumulated: [GroupAccumulator], enrolment: Enrolment) {
        screened = plan.cohort.criteria == nil ? nil : enrolment.screened
        screeningReports = plan.cohort.criteria == nil ? nil : enrolment.screeningReports
        cohort = plan.cohort.name
        persons = plan.persons
        weeks = plan.weeks
        replications = plan.replications
        seed = plan.seed
        grouping = plan.grouping
        personWeeks = plan.personWeeks
        let labels = plan.policies.map(\.label)
        func outcomes(_ group: GroupAccumulator) -> [PolicyOutcome] {
            zip(labels, group.outcomes).map { $1.outcome(label: $0) }
        }
        policies = outcomes(accumulated[0])
        comparisons = accumulated[0].paired.comparisons(labels: labels)
        groups = zip(plan.grouping.groupNames(plan.cohort), accumulated.dropFirst()).map { name, group in
            GroupResult(name: name, policies: outcomes(group), comparisons: group.paired.comparisons(labels: labels))
        }
    }

    /// Paired differences `policy` minus `reference`, or nil if either is not
    /// in the run or both are the same policy.
    public func comparison(_ policy: String, against reference: String) -> PairedComparison? {
        Self.comparison(policy, against: reference, in: comparisons)
    }

    /// Paired differences `policy` minus `reference` in `list`; nil if either
    /// is missing or both are the same policy (there is nothing to compare).
    public static func comparison(_ policy: String, against reference: String, in list: [PairedComparison]) -> PairedComparison? {
        guard policy != reference else { return nil }
        if let direct = list.first(where: { $0.first == policy && $0.second == reference }) { return direct }
        return list.first { $0.first == reference && $0.second == policy }?.reversed
    }
}

extension GroupResult {
    /// Paired differences `policy` minus `reference` within this subgroup.
    public func comparison(_ policy: String, against reference: String) -> PairedComparison? {
        SimulationResult.comparison(policy, against: reference, in: comparisons)
    }
}
