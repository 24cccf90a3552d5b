/// Why a statistic could not be computed from its inputs.
///
/// Thrown (typed) by the functions in this folder before any GSL call, so GSL
/// never sees input it would reject or misread.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No observations: the statistic is undefined.
    case empty
    /// Fewer observations than the statistic needs (a sample variance needs 2).
    case tooFewValues(minimum: Int, count: Int)
    /// A probability outside [0, 1], or NaN.
    case invalidProbability(Double)
    /// Degrees of freedom that are not finite and positive.
    case invalidDegreesOfFreedom(Double)
    /// The data contain NaN, which has no place in an ordering (quantiles).
    case notANumber

    public var description: String {
        switch self {
        case .empty:
            "no observations"
        case let .tooFewValues(minimum, count):
            "needs at least \(minimum) observations, got \(count)"
        case let .invalidProbability(p):
            "probability \(p) is not in [0, 1]"
        case let .invalidDegreesOfFreedom(df):
            "degrees of freedom \(df) must be finite and positive"
        case .notANumber:
            "data contain NaN"
        }
    }
}
