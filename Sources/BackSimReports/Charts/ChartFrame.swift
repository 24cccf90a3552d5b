/// The parts every chart shares: the `<svg>` element and its accessible
/// title, the chart title, the plot rectangle, axes with ticks, labels and
/// units, the clip path, and the legend below the plot.
///
/// Layout, top to bottom: title (and subtitle), plot, x-axis ticks and
/// title, legend. The outer height follows from the plot and legend heights.
struct ChartFrame {
    let id: String
    let kind: String
    let title: String
    let subtitle: String?
    let width: Double
    let plotLeft: Double
    let plotTop: Double
    let plotRight: Double
    let plotBottom: Double
    let legend: ChartLegend
    let legendTop: Double
    let height: Double

    static let rightMargin = 24.0
    static let clipPadding = 3.0
    static let xAxisSpace = 50.0

    /// - Parameters:
    ///   - leftMargin: room for the value axis or the row labels.
    ///   - plotHeight: the height of the plot rectangle.
    ///   - topExtra: room above the plot for reference-line labels.
    init(
        id: String, kind: String, title: String, subtitle: String?, width: Double, leftMargin: Double,
        plotHeight: Double, topExtra: Double = 0, legend entries: [ChartLegend.Entry]
    ) {
        self.id = SVGWriter.identifier(id)
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.width = width
        plotLeft = leftMargin
        plotRight = max(leftMargin + 40, width - Self.rightMargin)
        plotTop = (subtitle == nil ? 38 : 56) + topExtra
        plotBottom = plotTop + max(40, plotHeight)
        legend = ChartLegend(entries, width: width - 32)
        legendTop = plotBottom + Self.xAxisSpace + 4
        height = legendTop + legend.height + 12
    }

    var plotWidth: Double { plotRight - plotLeft }
    var clipID: String { id + "-plot" }

    /// Opens the `<svg>`: size, id, `data-chart` kind, accessible title,
    /// white background and the visible title.
    func begin(_ svg: inout SVGWriter) {
        let c = ChartNumber.coordinate
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "id": id, "data-chart": kind.isEmpty ? nil : kind,
            "width": c(width), "height": c(height), "viewBox": "0 0 \(c(width)) \(c(height))",
            "role": "img", "aria-labelledby": id + "-title",
            "font-family": "sans-serif", "font-size": c(ChartText.fontSize),
        ])
        svg.element("title", ["id": id + "-title"], text: title)
        svg.newline()
        svg.open("defs")
        svg.open("clipPath", ["id": clipID])
        // A little past the plot, so that a line drawn exactly on the edge
        // (retention at 100%) keeps its full width.
        let pad = Self.clipPadding
        svg.leaf("rect", ["x": c(plotLeft - pad), "y": c(plotTop - pad), "width": c(plotWidth + 2 * pad),
                          "height": c(plotBottom - plotTop + 2 * pad)])
        svg.close("clipPath")
        svg.close("defs")
        svg.leaf("rect", ["class": "background", "width": c(width), "height": c(height), "fill": "#FFFFFF"])
        svg.element(
            "text",
            ["class": "chart-title", "x": "16", "y": "24", "font-size": c(ChartText.titleSize),
             "font-weight": "bold", "fill": ChartPalette.ink],
            text: ChartText.truncated(title, toWidth: width - 32, size: ChartText.titleSize))
        if let subtitle {
            svg.element(
                "text", ["class": "chart-subtitle", "x": "16", "y": "43", "fill": ChartPalette.muted],
                text: ChartText.truncated(subtitle, toWidth: width - 32))
        }
        svg.newline()
    }

    /// Closes the `<svg>` after drawing the legend.
    func end(_ svg: inout SVGWriter) {
        legend.draw(into: &svg, left: 16, top: legendTop)
        svg.close("svg")
        svg.newline()
    }

    /// Opens the group whose content is clipped to the plot rectangle.
    func beginPlot(_ svg: inout SVGWriter) {
        svg.open("g", ["class": "plot", "clip-path": "url(#\(clipID))"])
    }

    func endPlot(_ svg: inout SVGWriter) {
        svg.close("g")
        svg.newline()
    }

    // MARK: Axes

    /// A vertical value axis on the left: horizontal grid lines, tick labels
    /// and the rotated axis title with its unit.
    func valueAxisLeft(_ svg: inout SVGWriter, scale: NiceScale, label: String) {
        let c = ChartNumber.coordinate
        svg.open("g", ["class": "axis y-axis"])
        for tick in scale.ticks {
            let y = scale.position(tick)
            svg.leaf("path", ["class": "grid", "d": "M\(c(plotLeft)),\(c(y))H\(c(plotRight))",
                              "stroke": ChartPalette.grid, "stroke-width": "1"])
            svg.element(
                "text",
                ["class": "tick-label", "x": c(plotLeft - 7), "y": c(y + 4), "text-anchor": "end", "fill": ChartPalette.ink],
                text: ChartNumber.tick(tick, decimals: scale.decimals))
        }
        svg.leaf("path", ["class": "axis-line", "d": "M\(c(plotLeft)),\(c(plotTop))V\(c(plotBottom))",
                          "stroke": ChartPalette.ink, "stroke-width": "1"])
        let middle = (plotTop + plotBottom) / 2
        svg.element(
            "text",
            ["class": "axis-title", "x": "0", "y": "0", "text-anchor": "middle", "fill": ChartPalette.ink,
             "transform": "translate(16,\(c(middle))) rotate(-90)"],
            text: ChartText.truncated(label, toWidth: plotBottom - plotTop))
        svg.close("g")
        svg.newline()
    }

    /// A horizontal value axis at the bottom: vertical grid lines (optional),
    /// tick marks and labels, and the axis title with its unit.
    func valueAxisBottom(_ svg: inout SVGWriter, scale: NiceScale, label: String, grid: Bool) {
        let c = ChartNumber.coordinate
        svg.open("g", ["class": "axis x-axis"])
        for tick in scale.ticks {
            let x = scale.position(tick)
            if grid {
                svg.leaf("path", ["class": "grid", "d": "M\(c(x)),\(c(plotTop))V\(c(plotBottom))",
                                  "stroke": ChartPalette.grid, "stroke-width": "1"])
            }
            svg.leaf("path", ["class": "tick", "d": "M\(c(x)),\(c(plotBottom))v5", "stroke": ChartPalette.ink])
            svg.element(
                "text",
                ["class": "tick-label", "x": c(x), "y": c(plotBottom + 19), "text-anchor": "middle", "fill": ChartPalette.ink],
                text: ChartNumber.tick(tick, decimals: scale.decimals))
        }
        bottomLine(&svg)
        axisTitleBottom(&svg, label)
        svg.close("g")
        svg.newline()
    }

    /// Category labels centred under `centres` on the bottom axis, cut to
    /// `slot` px.
    func categoryAxisBottom(_ svg: inout SVGWriter, labels: [String], centres: [Double], slot: Double, title: String?) {
        let c = ChartNumber.coordinate
        svg.open("g", ["class": "axis x-axis"])
        for (label, x) in zip(labels, centres) {
            let shown = ChartText.truncated(label, toWidth: slot - 6)
            svg.open("text", ["class": "tick-label", "x": c(x), "y": c(plotBottom + 19), "text-anchor": "middle",
                              "fill": ChartPalette.ink])
            if shown != label { svg.element("title", text: label) }
            svg.raw(SVGWriter.escape(shown))
            svg.close("text")
        }
        bottomLine(&svg)
        if let title { axisTitleBottom(&svg, title) }
        svg.close("g")
        svg.newline()
    }

    /// Row labels right-aligned left of the plot at `centres`, cut to the
    /// left margin.
    func categoryAxisLeft(_ svg: inout SVGWriter, labels: [String], centres: [Double]) {
        let c = ChartNumber.coordinate
        svg.open("g", ["class": "axis y-axis"])
        for (label, y) in zip(labels, centres) {
            let shown = ChartText.truncated(label, toWidth: plotLeft - 20)
            svg.open("text", ["class": "tick-label", "x": c(plotLeft - 8), "y": c(y + 4), "text-anchor": "end",
                              "fill": ChartPalette.ink])
            if shown != label { svg.element("title", text: label) }
            svg.raw(SVGWriter.escape(shown))
            svg.close("text")
        }
        svg.leaf("path", ["class": "axis-line", "d": "M\(c(plotLeft)),\(c(plotTop))V\(c(plotBottom))",
                          "stroke": ChartPalette.ink, "stroke-width": "1"])
        svg.close("g")
        svg.newline()
    }

    private func bottomLine(_ svg: inout SVGWriter) {
        let c = ChartNumber.coordinate
        svg.leaf("path", ["class": "axis-line", "d": "M\(c(plotLeft)),\(c(plotBottom))H\(c(plotRight))",
                          "stroke": ChartPalette.ink, "stroke-width": "1"])
    }

    private func axisTitleBottom(_ svg: inout SVGWriter, _ label: String) {
        let c = ChartNumber.coordinate
        svg.element(
            "text",
            ["class": "axis-title", "x": c((plotLeft + plotRight) / 2), "y": c(plotBottom + 40),
             "text-anchor": "middle", "fill": ChartPalette.ink],
            text: ChartText.truncated(label, toWidth: plotWidth))
    }

    // MARK: Reference lines

    /// Reference lines across the plot at values of `scale`, vertical (for a
    /// horizontal value axis) or horizontal, each with its value printed just
    /// outside the plot.
    func referenceLines(_ svg: inout SVGWriter, _ lines: [ReferenceLine], scale: NiceScale, vertical: Bool) {
        guard !lines.isEmpty else { return }
        let c = ChartNumber.coordinate
        svg.open("g", ["class": "reference-lines"])
        for line in lines where line.value.isFinite {
            let at = scale.position(line.value)
            let inside = vertical ? (plotLeft - 0.5...plotRight + 0.5).contains(at) : (plotTop - 0.5...plotBottom + 0.5).contains(at)
            guard inside else { continue }
            let style = ReferenceLineStyle(line.emphasis)
            svg.open("g", ["class": "reference-line", "data-value": ChartNumber.label(line.value)])
            svg.element("title", text: line.label)
            let d = vertical ? "M\(c(at)),\(c(plotTop))V\(c(plotBottom))" : "M\(c(plotLeft)),\(c(at))H\(c(plotRight))"
            svg.leaf("path", ["d": d, "stroke": style.colour, "stroke-width": style.width,
                              "stroke-dasharray": style.dash, "fill": "none"])
            let value = line.value > 0 && line.emphasis == .threshold ? "+" + ChartNumber.label(line.value) : ChartNumber.label(line.value)
            if vertical {
                svg.element("text", ["x": c(at), "y": c(plotTop - 5), "text-anchor": "middle",
                                     "font-size": c(ChartText.smallSize), "fill": style.colour], text: value)
            } else {
                svg.element("text", ["x": c(plotRight + 3), "y": c(at + 3.5),
                                     "font-size": c(ChartText.smallSize), "fill": style.colour], text: value)
            }
            svg.close("g")
        }
        svg.close("g")
        svg.newline()
    }

    /// Legend entries for reference lines: one per distinct label.
    static func legendEntries(for lines: [ReferenceLine]) -> [ChartLegend.Entry] {
        var seen: Set<String> = []
        return lines.compactMap { line in
            guard seen.insert(line.label).inserted else { return nil }
            return ChartLegend.Entry(label: line.label, swatch: .reference(line.emphasis))
        }
    }
}
