/// A point estimate with an optional interval. A missing or non-finite
/// `value` is not drawn; an interval is drawn where both bounds are finite.
public struct ChartEstimate: Equatable, Sendable {
    public var value: Double?
    public var low: Double?
    public var high: Double?

    public init(_ value: Double?, low: Double? = nil, high: Double? = nil) {
        self.value = value
        self.low = low
        self.high = high
    }
}

/// A named series of estimates, one per category of a categorical chart
/// (`estimates[i]` belongs to `categories[i]`; missing trailing ones are gaps).
public struct CategorySeries: Equatable, Sendable {
    public var label: String
    public var estimates: [ChartEstimate]
    /// The palette slot; `nil` uses the series' position (see ``ChartSeries/style``).
    public var style: Int?

    public init(_ label: String, estimates: [ChartEstimate], style: Int? = nil) {
        self.label = label
        self.estimates = estimates
        self.style = style
    }
}
