/// A step chart for survival-type curves (Kaplan–Meier retention, time to
/// first response): each value holds from its x until the next point's x,
/// with the interval drawn as a stepped band.
///
/// Give one point per time at which the estimate is known (for a weekly
/// Kaplan–Meier estimate, one per week, starting with S = 1 at week 0).
/// `extendTo` carries each series' last step on to the horizon; without it
/// the last value is a point. The y axis is typically fixed, e.g. 0...100 %.
/// Output: `<svg data-chart="step">`, structured as ``LineChart``'s.
public struct StepChart: SVGChart {
    public var id: String
    /// The chart's title.
    public var title: String
    /// A line under the title.
    public var subtitle: String?
    /// The x axis (time).
    public var xAxis: ChartAxis
    /// The y axis.
    public var yAxis: ChartAxis
    /// The curves, one point per time.
    public var series: [ChartSeries]
    /// Horizontal lines across the plot.
    public var referenceLines: [ReferenceLine]
    /// Carry each series' last step on to this x (the horizon); nil: stop at the last point.
    public var extendTo: Double?
    /// Width and plot height.
    public var size: ChartSize

    /// A chart of the given parts.
    public init(
        id: String, title: String, subtitle: String? = nil, xAxis: ChartAxis = ChartAxis("Week"),
        yAxis: ChartAxis, series: [ChartSeries], referenceLines: [ReferenceLine] = [], extendTo: Double? = nil,
        size: ChartSize = ChartSize()
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.referenceLines = referenceLines
        self.extendTo = extendTo
        self.size = size
    }

    public func svg() -> String {
        TrajectoryPlot(
            id: id, kind: "step", title: title, subtitle: subtitle, xAxis: xAxis, yAxis: yAxis, series: series,
            referenceLines: referenceLines, size: size, joining: .steps, extendTo: extendTo
        ).svg()
    }
}
