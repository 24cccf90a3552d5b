import Stochastics

/// How a person trait varies between people of a profile.
///
/// Draws come from the person's `traits` stream. Bounded normals are drawn by
/// rejection (at most 1,000 tries, then the nearer bound), so a profile's
/// mean is that of the truncated distribution, not `mean`.
public enum TraitDistribution: Equatable, Sendable {
    /// Always this value.
    case fixed(Double)
    /// Normal(mean, sd²), optionally truncated to [lower, upper].
    case normal(mean: Double, sd: Double, lower: Double? = nil, upper: Double? = nil)
    /// Uniform between the bounds.
    case uniform(lower: Double, upper: Double)
    /// Beta(a, b) rescaled to [lower, upper].
    case beta(a: Double, b: Double, lower: Double = 0, upper: Double = 1)
    /// Log-normal with log-scale mean `mu` and sd `sigma`, optionally capped.
    case lognormal(mu: Double, sigma: Double, upper: Double? = nil)

    /// One draw. Consumes a number of generator calls that depends only on the
    /// stream's state (never on a policy).
    public func draw(_ stream: RandomStream) -> Double {
        switch self {
        case .fixed(let value):
            return value
        case let .normal(mean, sd, lower, upper):
            let lo = lower ?? -Double.infinity, hi = upper ?? Double.infinity
            for _ in 0..<1_000 {
                let x = mean + stream.gaussian(sd: sd)
                if x >= lo && x <= hi { return x }
            }
            return min(max(mean, lo), hi)
        case let .uniform(lower, upper):
            return lower + (upper - lower) * stream.uniform()
        case let .beta(a, b, lower, upper):
            return lower + (upper - lower) * stream.beta(a, b)
        case let .lognormal(mu, sigma, upper):
            let x = stream.lognormal(mu: mu, sigma: sigma)
            return upper.map { min(x, $0) } ?? x
        }
    }
}
