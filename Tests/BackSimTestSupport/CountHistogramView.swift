import Stochastics

/// A recorded histogram in its metric's unit, with its Monte Carlo error.
public struct CountHistogramView {
    public let histogram: CountHistogram
    public let scale: Double

    public var mean: Double { histogram.mean! * scale }
    public var sd: Double { histogram.standardDeviation! * scale }
    public var count: Int64 { histogram.count }
    /// Monte Carlo standard error of the mean.
    public var standardError: Double { sd / Double(count).squareRoot() }
}
