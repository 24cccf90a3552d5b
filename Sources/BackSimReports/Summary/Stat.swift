extension Summary {
    /// One summary statistic; `rawValue` is its name in outputs.
    public enum Stat: String, CaseIterable, Sendable {
        // Declaration order is the output order.
        case mean
        case sd
        case n
        case ciLow = "ci_low"
        case ciHigh = "ci_high"
        case p25
        case p50
        case p75
        /// Monte Carlo standard error of the mean (sd/√n).
        case mcse

        /// The name in CSV rows and JSON keys.
        public var name: String { rawValue }
    }
}
