/// One point of a line or step series: a value at `x` with an optional
/// interval. A missing or non-finite `y` is a gap: the line breaks there
/// rather than joining across it. The band is drawn where both `low` and
/// `high` are finite.
public struct ChartPoint: Equatable, Sendable {
    /// Position on the x axis.
    public var x: Double
    /// Value; nil leaves a gap.
    public var y: Double?
    /// Lower end of the band.
    public var low: Double?
    /// Upper end of the band.
    public var high: Double?

    /// A point with an optional interval.
    public init(x: Double, y: Double?, low: Double? = nil, high: Double? = nil) {
        self.x = x
        self.y = y
        self.low = low
        self.high = high
    }
}

/// A named series of points (one policy's trajectory).
public struct ChartSeries: Equatable, Sendable {
    /// Name in the legend.
    public var label: String
    /// The points, in x order.
    public var points: [ChartPoint]
    /// The palette slot; `nil` uses the series' position. Pass a policy's
    /// index in the comparison so that it keeps its colour in every chart.
    public var style: Int?

    /// A series; `style` picks a palette entry (default: its position).
    public init(_ label: String, points: [ChartPoint], style: Int? = nil) {
        self.label = label
        self.points = points
        self.style = style
    }
}
