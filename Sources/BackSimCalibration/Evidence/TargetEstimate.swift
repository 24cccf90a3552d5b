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
    }

    /// The 95% Monte Carlo interval value ± 1.96 se (normal: n is large).
    public var interval: ConfidenceInterval? {
        guard let value, let standardError else { return nil }
        let half = 1.959963984540054 * standardError
        return ConfidenceInterval(low: value - half, high: value + half)
    }

    /// Against the published interval or range.
    public var verdict: Verdict {
        guard let value else { return .noData }
        guard target.published.contains(value) else { return .outside }
        guard let interval else { return .inside }
        return interval.low >= target.published.low && interval.high <= target.published.high ? .inside : .nearEdge
    }

    /// Whether the check fails because of this target: a gating target
    /// outside its interval, or without data.
    public var failsGate: Bool { target.gating && (verdict == .outside || verdict == .noData) }

    public enum Verdict: String, Sendable {
        /// The value and its whole Monte Carlo interval are inside.
        case inside
        /// The value is inside, but its Monte Carlo interval crosses an edge:
        /// more persons would settle it.
        case nearEdge = "inside*"
        case outside
        /// The outcome is undefined in this run.
        case noData = "no data"
    }
}

extension TargetEstimate {
    /// Estimates `target` from a run that contains its arms and weeks.
    init(_ target: EvidenceTarget, result: SimulationResult) {
        self.target = target
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
        case .adherence, .retention: break
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
