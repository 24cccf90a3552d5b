/// A grouped chart of proportions with intervals (responder rates): one
/// group per category along the x axis (e.g. responder definitions), one
/// dot-and-whisker or bar per series in each group (e.g. each policy).
///
/// The value axis defaults to 0-100 %; give `valueAxis` with another range
/// or unit (0...1 for fractions). Bars start at 0 (or the axis' lower end
/// when that is above 0). Output: `<svg data-chart="proportion">` with one
/// `<g class="series">` per series holding its marks (`.marker` and
/// `path.whisker`, or `rect.bar` and `path.whisker`) and one legend entry per
/// series and per reference-line label.
public struct ProportionChart: SVGChart {
    /// How each estimate is drawn.
    public enum Style: Equatable, Sendable {
        /// A marker with a whisker: readable with many series.
        case dots
        /// A bar with a whisker.
        case bars
    }

    public var id: String
    /// The chart's title.
    public var title: String
    /// A line under the title.
    public var subtitle: String?
    /// The value axis (vertical).
    public var valueAxis: ChartAxis
    /// The title under the groups, e.g. "Responder definition".
    public var categoryTitle: String?
    /// The groups along the x axis.
    public var categories: [String]
    /// The series, one mark per group each.
    public var series: [CategorySeries]
    /// Horizontal lines across the plot.
    public var referenceLines: [ReferenceLine]
    /// Dots or bars.
    public var style: Style
    /// Width and plot height.
    public var size: ChartSize

    /// A chart of the given parts.
    public init(
        id: String, title: String, subtitle: String? = nil,
        valueAxis: ChartAxis = ChartAxis("Responders", unit: "%", range: 0...100), categoryTitle: String? = nil,
        categories: [String], series: [CategorySeries], referenceLines: [ReferenceLine] = [], style: Style = .dots,
        size: ChartSize = ChartSize()
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.valueAxis = valueAxis
        self.categoryTitle = categoryTitle
        self.categories = categories
        self.series = series
        self.referenceLines = referenceLines
        self.style = style
        self.size = size
    }

    public func svg() -> String {
        let styles = series.enumerated().map { ChartPalette.style($1.style ?? $0) }
        var entries = zip(series, styles).map { series, palette in
            ChartLegend.Entry(label: series.label, swatch: style == .bars ? .bar(palette) : .marker(palette))
        }
        entries += ChartFrame.legendEntries(for: referenceLines)

        var values = series.flatMap { $0.estimates.flatMap { [$0.value, $0.low, $0.high].compactMap { finiteValue($0) } } }
            + referenceLines.map(\.value)
        if style == .bars { values.append(0) }
        var scale = NiceScale(values: values, fixed: valueAxis.range)
        let tickWidth = scale.ticks.map { ChartText.width(ChartNumber.tick($0, decimals: scale.decimals)) }.max() ?? 0
        let frame = ChartFrame(
            id: id, kind: "proportion", title: title, subtitle: subtitle, width: size.width,
            leftMargin: 36 + tickWidth, plotHeight: size.plotHeight, legend: entries)
        scale.pixels = (frame.plotBottom, frame.plotTop)

        let groups = max(categories.count, 1)
        let groupWidth = frame.plotWidth / Double(groups)
        let slot = groupWidth * 0.84 / Double(max(series.count, 1))
        let centres = categories.indices.map { frame.plotLeft + (Double($0) + 0.5) * groupWidth }
        let slotCentre = { (group: Int, s: Int) in
            centres[group] + (Double(s) - Double(self.series.count - 1) / 2) * slot
        }

        var svg = SVGWriter()
        frame.begin(&svg)
        frame.valueAxisLeft(&svg, scale: scale, label: valueAxis.label)
        frame.categoryAxisBottom(&svg, labels: categories, centres: centres, slot: groupWidth, title: categoryTitle)
        frame.beginPlot(&svg)
        let c = ChartNumber.coordinate
        let base = scale.position(max(0, scale.domain.lowerBound))
        for (index, (series, palette)) in zip(series, styles).enumerated() {
            svg.open("g", ["class": "series", "data-series": series.label])
            for (group, estimate) in zip(categories.indices, series.estimates) {
                let x = slotCentre(group, index)
                if style == .bars, let value = finiteValue(estimate.value) {
                    let top = scale.position(value)
                    let barWidth = max(2, slot * 0.78)
                    svg.leaf("rect", ["class": "bar", "x": c(x - barWidth / 2), "y": c(min(top, base)),
                                      "width": c(barWidth), "height": c(abs(base - top)), "fill": palette.colour,
                                      "stroke": ChartPalette.outline, "stroke-width": "0.5"])
                    let whisker = ChartEstimate(nil, low: estimate.low, high: estimate.high)
                    EstimateMark.draw(whisker, style: ChartPalette.Style(colour: ChartPalette.ink, dash: nil,
                                                                        marker: palette.marker, outlined: false),
                                      across: x, scale: scale, horizontal: false, into: &svg)
                } else {
                    EstimateMark.draw(estimate, style: palette, across: x, scale: scale, horizontal: false, into: &svg)
                }
            }
            svg.close("g")
        }
        frame.endPlot(&svg)
        frame.referenceLines(&svg, referenceLines, scale: scale, vertical: false)
        frame.end(&svg)
        return svg.text
    }
}
