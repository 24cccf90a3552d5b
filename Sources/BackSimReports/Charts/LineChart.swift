/// A line chart of trajectories over time (x = week), one line per series,
/// with an optional shaded interval band around each line (a 95% interval
/// of the mean), and optional horizontal reference lines (0 for a change
/// from baseline).
///
/// The y axis fits all values, bounds and reference lines and rounds out to
/// nice ticks, unless `yAxis.range` fixes it (values outside are clipped).
/// The x axis spans the data. Missing or non-finite values leave gaps; see
/// ``ChartPoint``. Output: one `<svg data-chart="line">` with, per series
/// that has a value, a `<g class="series">` holding one `path.line` (and
/// markers for isolated points), plus one `path.band` per series with
/// intervals, and one legend entry per series and per reference-line label.
public struct LineChart: SVGChart {
    public var id: String
    /// The chart's title.
    public var title: String
    /// A line under the title.
    public var subtitle: String?
    /// The x axis.
    public var xAxis: ChartAxis
    /// The y axis.
    public var yAxis: ChartAxis
    /// The lines, each with an optional band.
    public var series: [ChartSeries]
    /// Horizontal lines across the plot.
    public var referenceLines: [ReferenceLine]
    /// Width and plot height.
    public var size: ChartSize

    /// A chart of the given parts.
    public init(
        id: String, title: String, subtitle: String? = nil, xAxis: ChartAxis = ChartAxis("Week"),
        yAxis: ChartAxis, series: [ChartSeries], referenceLines: [ReferenceLine] = [], size: ChartSize = ChartSize()
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.referenceLines = referenceLines
        self.size = size
    }

    public func svg() -> String {
        TrajectoryPlot(
            id: id, kind: "line", title: title, subtitle: subtitle, xAxis: xAxis, yAxis: yAxis, series: series,
            referenceLines: referenceLines, size: size, joining: .straight, extendTo: nil
        ).svg()
    }
}
