/// The result of comparing arm A with arm B in a two-arm trial: the
/// estimated effect (A minus B on the analysis' scale), its standard error,
/// the test statistic, the p-value and a confidence interval.
///
/// The p-value is one-sided (H₁: effect above the null value) or two-sided
/// as the caller asked; the interval is always the two-sided 1 − α interval
/// (or, for a one-sided test, 1 − 2α), so that it rejects exactly when the
/// test does for a Wald-type test.
public struct TwoArmTest: Equatable, Sendable {
    /// The estimated effect, A minus B on the analysis' scale.
    public var estimate: Double
    /// The estimate's standard error.
    public var standardError: Double
    /// The test statistic.
    public var statistic: Double
    /// The p-value, one- or two-sided as asked.
    public var pValue: Double
    /// The confidence interval of the effect.
    public var interval: ConfidenceInterval

    /// A result from its parts.
    public init(estimate: Double, standardError: Double, statistic: Double, pValue: Double, interval: ConfidenceInterval) {
        self.estimate = estimate
        self.standardError = standardError
        self.statistic = statistic
        self.pValue = pValue
        self.interval = interval
    }
}

/// Why a two-arm analysis has no result (the trial's analysis *failed* or was
/// *degenerate*; the trial planner counts these, never as non-rejections).
public enum TwoArmTestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An arm has fewer observations than the analysis needs.
    case tooFewObservations(arm: String, count: Int, minimum: Int)
    /// The outcome does not vary (zero variance, or no events at all), so the
    /// statistic is undefined.
    case noVariation
    /// The design matrix is singular (e.g. baseline constant within the trial).
    case singularDesign
    /// GSL reported a failure.
    case gsl(GSLError)

    public var description: String {
        switch self {
        case let .tooFewObservations(arm, count, minimum):
            "arm \(arm) has \(count) observations; the analysis needs at least \(minimum)"
        case .noVariation: "the outcome does not vary, so the test statistic is undefined"
        case .singularDesign: "the design matrix is singular"
        case .gsl(let error): error.description
        }
    }
}

/// Which alternative hypothesis a test has, against effect = null value.
public enum TestSides: Sendable, Equatable {
    /// H₁: effect ≠ null value.
    case two
    /// H₁: effect < null value (e.g. less pain under A).
    case less
    /// H₁: effect > null value (e.g. more responders under A).
    case greater
}

extension TwoArmTest {
    /// A Wald-type result from an estimate, its standard error and a
    /// reference distribution for the statistic (t with `degreesOfFreedom`,
    /// or normal when nil), testing effect = `null`.
    static func wald(
        estimate: Double, standardError: Double, degreesOfFreedom: Double?, null: Double, sides: TestSides, alpha: Double
    ) throws(TwoArmTestError) -> TwoArmTest {
        guard standardError > 0, standardError.isFinite, estimate.isFinite else { throw .noVariation }
        let statistic = (estimate - null) / standardError
        let cdf: (Double) throws(StatisticsError) -> Double = { x throws(StatisticsError) in
            if let df = degreesOfFreedom { return try StudentT.cdf(x, degreesOfFreedom: df) }
            return Normal.cdf(x)
        }
        let quantile: (Double) throws(StatisticsError) -> Double = { p throws(StatisticsError) in
            if let df = degreesOfFreedom { return try StudentT.quantile(p, degreesOfFreedom: df) }
            return try Normal.quantile(p)
        }
        do {
            let p: Double
            switch sides {
            case .two: p = 2 * min(try cdf(statistic), try cdf(-statistic))
            case .less: p = try cdf(statistic)
            case .greater: p = try cdf(-statistic)
            }
            let tailShare = sides == .two ? alpha / 2 : alpha
            let critical = try quantile(1 - tailShare)
            return TwoArmTest(
                estimate: estimate, standardError: standardError, statistic: statistic, pValue: min(1, p),
                interval: ConfidenceInterval(
                    low: estimate - critical * standardError, high: estimate + critical * standardError))
        } catch {
            throw .noVariation
        }
    }
}
