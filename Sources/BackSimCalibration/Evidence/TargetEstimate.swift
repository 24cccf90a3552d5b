import BackSimCore
import Stochastics

/// A target's simulated value, in the target's unit, with its Monte Carlo
/// uncertainty and the verdict against the published figure.
public struct TargetEstimate: Sendable {
    public let target: EvidenceTarget
    /// The mean of the sampled outcomes (what `backsim compare` reports);
    /// nil when the outcome is undefined (e.g. adherence when nobody was
    /// prescribed anything).
    public let value: Double?
    /// The Monte Carlo standard error of ``value``.
    public let standardError: Double?
    /// The smooth counterpart of ``value`` used by calibration: expected
    /// reports given latent pain for pain, unrounded scores for disability
    /// (both need ``SimulationPlan/recordsExpectations``); for the shares,
    /// which have no smooth counterpart, the sampled value.
    public let smooth: Double?
    /// How the standard error was obtained.
    public let errorMethod: ErrorMethod
    /// An interval not of the form value ± 1.96 se (a Kaplan-Meier median's).
    let ownInterval: ConfidenceInterval?

    public enum ErrorMethod: String, Sendable {
        /// One arm: the SD of the persons' values / √n.
        case single
        /// A difference, from the paired per-person differences (same persons,
        /// common random numbers).
        case paired
        /// A difference without paired data: √(se₁² + se₂²), which ignores the
        /// positive covariance common random numbers create, so it is wider
        /// than the paired one (conservative).
        case unpaired
        /// A Kaplan-Meier median: its 95% interval (Brookmeyer-Crowley, from
        /// the log-log pointwise band), no standard error.
        case kaplanMeier = "kaplan-meier"
    }

    /// The 95% Monte Carlo interval value ± 1.96 se (normal: n is large); for
    /// a median time, the Kaplan-Meier interval (its upper end +∞ when the
    /// band never falls below one half).
    public var interval: ConfidenceInterval? {
        if let ownInterval { return ownInterval }
        guard let value, let standardError else { return nil }
        let half = 1.959963984540054 * standardError
        return ConfidenceInterval(low: value - half, high: value + half)
    }

    /// Against the published interval or range.
    public var verdict: Verdict {
        guard let value else { return .noData }
        guard target.published.contains(value) else {
            // Outside, but is it settled? Not while the Monte Carlo interval
            // still reaches the published one.
            guard let interval, interval.high >= target.published.low && interval.low <= target.published.high
            else { return .outside }
            return .outsideNearEdge
        }
        guard let interval else { return .inside }
        return interval.low >= target.published.low && interval.high <= target.published.high ? .inside : .nearEdge
    }

    /// Whether more persons could change the verdict: the Monte Carlo
    /// interval crosses an edge of the published interval or range.
    public var isUnsettled: Bool { verdict == .nearEdge || verdict == .outsideNearEdge }

    /// Whether the check fails because of this target: a gating target
    /// outside its interval, or without data.
    public var failsGate: Bool {
        target.gating && (verdict == .outside || verdict == .outsideNearEdge || verdict == .noData)
    }

    public enum Verdict: String, Sendable {
        /// The value and its whole Monte Carlo interval are inside.
        case inside
        /// The value is inside, but its Monte Carlo interval crosses an edge:
        /// more persons would settle it.
        case nearEdge = "inside*"
        /// The value and its whole Monte Carlo interval are outside.
        case outside
        /// The value is outside, but its Monte Carlo interval reaches the
        /// published one: a gating target still fails, and more persons
        /// would settle it.
        case outsideNearEdge = "outside*"
        /// The outcome is undefined in this run.
        case noData = "no data"
    }
}

extension TargetEstimate {
    /// Estimates `target` from a run that contains its arms and weeks.
    /// - Parameter tally: the person-by-person counts of a target whose
    ///   outcome needs them (``EvidenceOutcome/needsPersonCourses``).
    init(_ target: EvidenceTarget, result: SimulationResult, tally: PersonCourses.Tally? = nil) {
        switch target.definition {
        case .standardisedDifference(let of)?: self.init(standardisedDifference: target, of: of, result: result)
        case .painAtMost(let level)?: self.init(painAtMost: target, level: level, result: result)
        case .cumulativeShare?, .monthlyPattern?: self.init(share: target, tally: tally!)
        case .timeToRecovery(_, let zero)?: self.init(timeTo: target, entryWeek: zero.entryWeek, tally: tally!)
        case nil: self.init(mean: target, result: result)
        }
    }

    /// A mean outcome (pain, disability, adherence, retention and their complements).
    private init(mean target: EvidenceTarget, result: SimulationResult) {
        self.target = target
        ownInterval = nil
        let factor = target.unit.factor(for: target.outcome)
        let weeks = Array(target.time.weeks)
        func outcome(_ label: String) -> PolicyOutcome { result.policies.first { $0.label == label }! }
        let first = weeks.map { Self.arm(outcome(target.policy.label), target.outcome, week: $0) }
        var perWeek: [Arm?]
        var method = ErrorMethod.single
        if let versus = target.versus {
            let second = weeks.map { Self.arm(outcome(versus.label), target.outcome, week: $0) }
            let paired = Self.pairedErrors(result, target, weeks: weeks)
            method = paired == nil ? .unpaired : .paired
            perWeek = zip(first, second).enumerated().map { index, arms in
                guard let a = arms.0, let b = arms.1 else { return nil }
                let se = paired?[index] ?? (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
                return Arm(mean: a.mean - b.mean, standardError: se, smooth: a.smooth - b.smooth)
            }
        } else {
            perWeek = first
        }
        errorMethod = method
        // The mean of weekly means; the SD of a mean of correlated estimates
        // is at most the mean of their SDs (whatever the correlation), so
        // that bound is the standard error reported.
        let arms = perWeek.compactMap { $0 }
        guard arms.count == perWeek.count, !arms.isEmpty else {
            value = nil
            standardError = nil
            smooth = nil
            return
        }
        let count = Double(arms.count)
        value = arms.map(\.mean).reduce(0, +) / count * factor
        standardError = arms.map(\.standardError).reduce(0, +) / count * factor
        smooth = arms.map(\.smooth).reduce(0, +) / count * factor
    }

    private init(
        _ target: EvidenceTarget, value: Double?, standardError: Double?, method: ErrorMethod,
        interval: ConfidenceInterval? = nil
    ) {
        self.target = target
        self.value = value
        self.standardError = standardError
        smooth = value
        errorMethod = method
        ownInterval = interval
    }

    /// (mean policy − mean versus) / √((s_policy² + s_versus²)/2) at the week,
    /// the pooled between-person SD of the follow-up values (exactly
    /// `compare`'s `standardised_effect`); se = paired se / pooled SD.
    private init(standardisedDifference target: EvidenceTarget, of outcome: EvidenceOutcome, result: SimulationResult) {
        let week = target.time.lastWeek
        let metric = outcome.metric
        func sd(_ label: String) -> Double? {
            result.policies.first { $0.label == label }?.series(metric)?.weeks[week].standardDeviation.map { $0 * metric.scale }
        }
        guard let versus = target.versus, let comparison = result.comparison(target.policy.label, against: versus.label) else {
            self.init(target, value: nil, standardError: nil, method: .paired)
            return
        }
        guard let sample = comparison.sample(outcome == .disability ? .disability : .pain, week: week), sample.count > 0,
              let mean = sample.mean else {
            self.init(target, value: nil, standardError: nil, method: .paired)
            return
        }
        let paired = PairedDifference(
            count: sample.count, mean: mean, differenceStandardDeviation: sample.standardDeviation,
            referenceStandardDeviation: sd(versus.label), comparatorStandardDeviation: sd(target.policy.label))
        self.init(target, value: paired.standardisedEffect, standardError: paired.standardisedEffectStandardError, method: .paired)
    }

    /// The share reporting pain ≤ level at the week (exact, from the week's
    /// count histogram); a difference has the unpaired se.
    private init(painAtMost target: EvidenceTarget, level: Int, result: SimulationResult) {
        let week = target.time.lastWeek
        let factor = target.unit.factor(for: target.outcome)
        func share(_ label: String) -> (p: Double, se: Double)? {
            guard let histogram = result.policies.first(where: { $0.label == label })?.series(.pain)?.weeks[week],
                  histogram.count > 1 else { return nil }
            return Self.proportion(hits: histogram.count(atMost: level), of: histogram.count)
        }
        guard let first = share(target.policy.label) else {
            self.init(target, value: nil, standardError: nil, method: .single)
            return
        }
        guard let versus = target.versus else {
            self.init(target, value: first.p * factor, standardError: first.se * factor, method: .single)
            return
        }
        guard let second = share(versus.label) else {
            self.init(target, value: nil, standardError: nil, method: .unpaired)
            return
        }
        self.init(
            target, value: (first.p - second.p) * factor,
            standardError: (first.se * first.se + second.se * second.se).squareRoot() * factor, method: .unpaired)
    }

    /// A share counted person by person; a difference has the paired se of
    /// the per-person differences x − y ∈ {−1, 0, 1}.
    init(share target: EvidenceTarget, tally: PersonCourses.Tally) {
        let factor = target.unit.factor(for: target.outcome)
        guard tally.persons > 1 else {
            self.init(target, value: nil, standardError: nil, method: target.versus == nil ? .single : .paired)
            return
        }
        let first = Self.proportion(hits: tally.hits, of: tally.persons)
        guard target.versus != nil else {
            self.init(target, value: first.p * factor, standardError: first.se * factor, method: .single)
            return
        }
        let n = Double(tally.persons)
        let sum = Double(tally.hits - tally.versusHits)
        let mean = sum / n
        let variance = max(0, (Double(tally.differenceSquares) - sum * mean) / (n - 1))
        self.init(target, value: mean * factor, standardError: (variance / n).squareRoot() * factor, method: .paired)
    }

    /// The Kaplan-Meier median week of first entering the state, plus the
    /// weeks from the time zero to entry, with its interval; nil when the
    /// curve does not reach one half by the horizon.
    init(timeTo target: EvidenceTarget, entryWeek: Int, tally: PersonCourses.Tally) {
        let horizon = tally.firstWeeks.count - 2
        var atRisk = tally.persons
        var counts: [KaplanMeier.Count] = []
        for week in 1...horizon {
            let events = tally.firstWeeks[week]
            let censored = week == horizon ? tally.firstWeeks[horizon + 1] : 0
            counts.append(KaplanMeier.Count(time: week, atRisk: atRisk, events: events, censored: censored))
            atRisk -= events + censored
        }
        guard tally.persons > 1, let curve = try? KaplanMeier(counts), let median = curve.median else {
            self.init(target, value: nil, standardError: nil, method: .kaplanMeier)
            return
        }
        let bounds = curve.medianInterval
        let interval = ConfidenceInterval(
            low: Double((bounds.low ?? 1) + entryWeek), high: bounds.high.map { Double($0 + entryWeek) } ?? .infinity)
        self.init(target, value: Double(median + entryWeek), standardError: nil, method: .kaplanMeier, interval: interval)
    }

    /// A share and its standard error √(p̂(1 − p̂)·n/(n − 1) / n) (the sample
    /// SD of the 0/1 values over √n, as for every other one-arm outcome).
    static func proportion(hits: Int64, of count: Int64) -> (p: Double, se: Double) {
        let n = Double(count), p = Double(hits) / n
        return (p, (p * (1 - p) / (n - 1)).squareRoot())
    }

    /// One arm's mean at one week in the engine's unit (complements applied).
    struct Arm {
        var mean: Double
        var standardError: Double
        var smooth: Double
    }

    static func arm(_ outcome: PolicyOutcome, _ kind: EvidenceOutcome, week: Int) -> Arm? {
        let metric = kind.metric
        guard let series = outcome.series(metric), week < series.weeks.count else { return nil }
        let histogram = series.weeks[week]
        guard histogram.count > 0, let mean = histogram.mean else { return nil }
        let sd = (histogram.standardDeviation ?? 0) * metric.scale
        var arm = Arm(mean: mean * metric.scale, standardError: sd / Double(histogram.count).squareRoot(), smooth: mean * metric.scale)
        switch kind {
        case .pain: if let expected = outcome.expectedPain?[week], expected.isFinite { arm.smooth = expected }
        case .disability: if let expected = outcome.expectedDisability?[week], expected.isFinite { arm.smooth = expected }
        case .nonAdherence, .dropout:
            arm.mean = 1 - arm.mean
            arm.smooth = 1 - arm.smooth
        case .adherence, .retention, .standardisedDifference, .painAtMost, .cumulativeShare, .monthlyPattern, .timeToRecovery:
            break
        }
        return arm
    }

    /// Standard errors of the paired per-person differences at each week, in
    /// the engine's unit, when the run recorded them for this outcome.
    static func pairedErrors(_ result: SimulationResult, _ target: EvidenceTarget, weeks: [Int]) -> [Double]? {
        guard let versus = target.versus,
              let comparison = result.comparison(target.policy.label, against: versus.label) else { return nil }
        let metric: Metric
        switch target.outcome {
        case .pain: metric = .pain
        case .disability: metric = .disability
        default: return nil
        }
        var errors: [Double] = []
        for week in weeks {
            guard let sample = comparison.sample(metric, week: week), sample.count > 1,
                  let sd = sample.standardDeviation else { return nil }
            errors.append(sd / Double(sample.count).squareRoot())
        }
        return errors
    }
}
