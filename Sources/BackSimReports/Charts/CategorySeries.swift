/// A point estimate with an optional interval. A missing or non-finite
/// `value` is not drawn; an interval is drawn where both bounds are finite.
public struct ChartEstimate: Equatable, Sendable {
    /// The estimate; nil draws nothing.
    public var value: Double?
    /// Lower end of the whisker.
    public var low: Double?
    /// Upper end of the whisker.
    public var high: Double?

    /// An estimate with an optional interval.
    public init(_ value: Double?, low: Double? = nil, high: Double? = nil) {
        self.value = value
        self.low = low
        self.high = high
    }
}

/// A named series of estimates, one per category of a categorical chart
/// (`estimates[i]` belongs to `categories[i]`; missing trailing ones are gaps).
public struct CategorySeries: Equatable, Sendable {
    /// Name in the legend.
    public var label: String
    /// One estimate per category, in category order.
    public var estimates: [ChartEstimate]
    /// The palette slot; `nil` uses the series' position (see ``ChartSeries/style``).
    public var style: Int?

    /// A series; `style` picks a palette entry (default: its position).
    public init(_ label: String, estimates: [ChartEstimate], style: Int? = nil) {
        self.label = label
        self.estimates = estimates
        self.style = style
    }
}
