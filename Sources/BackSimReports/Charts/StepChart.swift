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
    public var title: String
    public var subtitle: String?
    public var xAxis: ChartAxis
    public var yAxis: ChartAxis
    public var series: [ChartSeries]
    public var referenceLines: [ReferenceLine]
    public var extendTo: Double?
    public var size: ChartSize

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
