extension Summary {
    /// One summary statistic; `rawValue` is its name in outputs.
    public enum Stat: String, CaseIterable, Sendable {
        // Declaration order is the output order.
        /// The mean.
        case mean
        /// The sample standard deviation.
        case sd
        /// The number of observations.
        case n
        /// Lower bound of the 95% interval of the mean.
        case ciLow = "ci_low"
        /// Upper bound of the 95% interval of the mean.
        case ciHigh = "ci_high"
        /// First quartile.
        case p25
        /// Median.
        case p50
        /// Third quartile.
        case p75
        /// Monte Carlo standard error of the mean (sd/√n).
        case mcse

        /// The name in CSV rows and JSON keys.
        public var name: String { rawValue }
    }
}
