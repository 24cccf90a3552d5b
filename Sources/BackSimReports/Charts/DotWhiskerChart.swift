/// A horizontal dot-and-whisker chart: one row per category (e.g. each
/// policy compared with control), a point estimate with its interval per
/// series in the row (e.g. pain and disability), and vertical reference lines
/// (0 = no difference, ± an importance threshold), each labelled.
///
/// The value axis fits every estimate, bound and reference line and rounds
/// out to nice ticks, unless `valueAxis.range` fixes it. Rows run top to
/// bottom in `categories` order; within a row the series are spread
/// vertically in their order. Output: `<svg data-chart="dot-whisker">` with
/// one `<g class="series">` per series (a `path.whisker` per finite interval
/// and a `.marker` per finite value), one `g.reference-line` per line inside
/// the axis range, and one legend entry per series and per reference-line
/// label.
public struct DotWhiskerChart: SVGChart {
    public var id: String
    /// The chart's title.
    public var title: String
    /// A line under the title.
    public var subtitle: String?
    /// The value axis (horizontal).
    public var valueAxis: ChartAxis
    /// The categories, one row each.
    public var categories: [String]
    /// The series, one mark per category each.
    public var series: [CategorySeries]
    /// Lines across the plot (zero, thresholds).
    public var referenceLines: [ReferenceLine]
    /// Width of the SVG, px.
    public var width: Double
    /// The height of one category row; `nil` fits the number of series.
    public var rowHeight: Double?

    /// A chart of the given parts.
    public init(
        id: String, title: String, subtitle: String? = nil, valueAxis: ChartAxis, categories: [String],
        series: [CategorySeries], referenceLines: [ReferenceLine] = [], width: Double = 760, rowHeight: Double? = nil
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.valueAxis = valueAxis
        self.categories = categories
        self.series = series
        self.referenceLines = referenceLines
        self.width = width
        self.rowHeight = rowHeight
    }

    public func svg() -> String {
        let styles = series.enumerated().map { ChartPalette.style($1.style ?? $0) }
        var entries = zip(series, styles).map { ChartLegend.Entry(label: $0.label, swatch: .marker($1)) }
        entries += ChartFrame.legendEntries(for: referenceLines)

        let values = series.flatMap { $0.estimates.flatMap { [$0.value, $0.low, $0.high].compactMap { finiteValue($0) } } }
            + referenceLines.map(\.value)
        var scale = NiceScale(values: values, fixed: valueAxis.range)
        let labelWidth = categories.map { ChartText.width($0) }.max() ?? 0
        let leftMargin = min(max(60, labelWidth + 20), width * 0.38)
        let spacing = min(12, max(6, 40 / Double(max(series.count, 1))))
        let row = rowHeight ?? max(26, Double(series.count) * spacing + 14)
        let frame = ChartFrame(
            id: id, kind: "dot-whisker", title: title, subtitle: subtitle, width: width, leftMargin: leftMargin,
            plotHeight: row * Double(max(categories.count, 1)), topExtra: referenceLines.isEmpty ? 0 : 12,
            legend: entries)
        scale.pixels = (frame.plotLeft, frame.plotRight)

        var svg = SVGWriter()
        frame.begin(&svg)
        let centres = categories.indices.map { frame.plotTop + (Double($0) + 0.5) * row }
        // Alternate row shading keeps the eye on a row across a wide chart.
        svg.open("g", ["class": "rows"])
        for index in categories.indices where index % 2 == 1 {
            svg.leaf("rect", ["x": ChartNumber.coordinate(frame.plotLeft), "y": ChartNumber.coordinate(centres[index] - row / 2),
                              "width": ChartNumber.coordinate(frame.plotWidth), "height": ChartNumber.coordinate(row),
                              "fill": "#F5F5F5"])
        }
        svg.close("g")
        frame.valueAxisBottom(&svg, scale: scale, label: valueAxis.label, grid: true)
        frame.categoryAxisLeft(&svg, labels: categories, centres: centres)
        frame.referenceLines(&svg, referenceLines, scale: scale, vertical: true)
        frame.beginPlot(&svg)
        let offset = { (s: Int) in (Double(s) - Double(self.series.count - 1) / 2) * spacing }
        for (index, (series, style)) in zip(series, styles).enumerated() {
            svg.open("g", ["class": "series", "data-series": series.label])
            for (row, estimate) in zip(centres, series.estimates) {
                EstimateMark.draw(estimate, style: style, across: row + offset(index), scale: scale, horizontal: true,
                                  into: &svg)
            }
            svg.close("g")
        }
        frame.endPlot(&svg)
        frame.end(&svg)
        return svg.text
    }
}
