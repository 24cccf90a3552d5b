import Foundation

/// Small multiples: one small panel per series, laid out in a grid, each
/// with the same axes and the reference series (grey) drawn under the
/// panel's own (coloured), so that any number of policies stays readable and
/// every panel compares one policy with the reference at the same scale.
///
/// The y axis is shared: `yAxis.range` when given, else fitted once over
/// every series, band and reference line. Output: one
/// `<svg data-chart="small-multiples">` holding a clipped grid of panels,
/// each a nested `<svg>` with its own `g.plot` (two `g.series` at most:
/// reference and policy), and one shared legend.
public struct SmallMultiplesChart: SVGChart {
    /// How a panel's points are joined.
    public enum Joining: Sendable {
        /// Straight lines between points (trajectories).
        case straight
        /// Steps that hold each value until the next point (survival curves).
        case steps
    }

    public var id: String
    public var title: String
    /// A line under the title.
    public var subtitle: String?
    /// The x axis, shared by every panel.
    public var xAxis: ChartAxis
    /// The y axis, shared by every panel.
    public var yAxis: ChartAxis
    /// Drawn in every panel, in grey; nil for none.
    public var reference: ChartSeries?
    /// One panel each, titled by the series' label.
    public var panels: [ChartSeries]
    /// Horizontal lines across every panel.
    public var referenceLines: [ReferenceLine]
    /// Straight lines or steps.
    public var joining: Joining
    /// Carry each series' last value on to this x (the horizon); nil: stop at the last point.
    public var extendTo: Double?
    /// Width of the whole grid, px.
    public var width: Double
    /// Panels per row.
    public var columns: Int
    /// Height of each panel's plot area, px.
    public var panelPlotHeight: Double

    /// A chart of the given parts.
    public init(
        id: String, title: String, subtitle: String? = nil, xAxis: ChartAxis = ChartAxis("Week"), yAxis: ChartAxis,
        reference: ChartSeries?, panels: [ChartSeries], referenceLines: [ReferenceLine] = [],
        joining: Joining = .straight, extendTo: Double? = nil, width: Double = 760, columns: Int = 3,
        panelPlotHeight: Double = 120
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.reference = reference
        self.panels = panels
        self.referenceLines = referenceLines
        self.joining = joining
        self.extendTo = extendTo
        self.width = width
        self.columns = max(1, columns)
        self.panelPlotHeight = panelPlotHeight
    }

    public func svg() -> String {
        var axis = yAxis
        if axis.range == nil {
            let values = (panels + (reference.map { [$0] } ?? [])).flatMap { series in
                series.points.flatMap { [$0.y, $0.low, $0.high].compactMap { finiteValue($0) } }
            } + referenceLines.map(\.value)
            axis.range = NiceScale(values: values).domain
        }
        // Panels are narrow: their axis says what, the chart's subtitle the unit.
        let panelAxis = ChartAxis(axis.title, unit: nil, range: axis.range)
        let subtitle = [subtitle, "y: \(axis.label)"].compactMap { $0 }.joined(separator: "; ")
        let panelWidth = (width - 16) / Double(columns)
        var rendered: [String] = []
        for (index, panel) in panels.enumerated() {
            let series = (reference.map { [ChartSeries($0.label, points: $0.points, style: ChartPalette.referenceSlot)] } ?? [])
                + [ChartSeries(panel.label, points: panel.points, style: panel.style ?? index)]
            var plot = TrajectoryPlot(
                id: "\(id)-panel-\(index + 1)", kind: "", title: panel.label, subtitle: nil, xAxis: xAxis, yAxis: panelAxis,
                series: series, referenceLines: referenceLines,
                size: ChartSize(width: panelWidth, plotHeight: panelPlotHeight),
                joining: joining == .steps ? .steps : .straight, extendTo: extendTo)
            plot.showsLegend = false
            rendered.append(plot.svg())
        }
        let panelHeight = rendered.first.flatMap(Self.height) ?? (panelPlotHeight + 104)
        let rows = (panels.count + columns - 1) / columns
        var entries: [ChartLegend.Entry] = []
        if let reference {
            entries.append(.init(label: "\(reference.label) (every panel)", swatch: .line(ChartPalette.reference, band: true)))
        }
        entries.append(.init(label: "the panel's policy", swatch: .line(ChartPalette.style(0), band: true)))
        entries += ChartFrame.legendEntries(for: referenceLines)
        let frame = ChartFrame(
            id: id, kind: "small-multiples", title: title, subtitle: subtitle, width: width, leftMargin: 8,
            plotHeight: Double(rows) * panelHeight, legend: entries)
        var svg = SVGWriter()
        frame.begin(&svg)
        let c = ChartNumber.coordinate
        svg.open("g", ["class": "panels"])
        for (index, panel) in rendered.enumerated() {
            let x = frame.plotLeft + Double(index % columns) * panelWidth
            let y = frame.plotTop + Double(index / columns) * panelHeight
            svg.open("g", ["class": "panel", "transform": "translate(\(c(x)),\(c(y)))"])
            svg.raw(panel)
            svg.close("g")
        }
        svg.close("g")
        frame.end(&svg)
        return svg.text
    }

    /// The `height` attribute of a rendered `<svg>`.
    private static func height(_ svg: String) -> Double? {
        guard let start = svg.range(of: " height=\"") else { return nil }
        let rest = svg[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return Double(rest[..<end])
    }
}
