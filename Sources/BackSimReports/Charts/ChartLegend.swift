/// A chart's legend: one entry per series (and per kind of reference line),
/// laid out below the plot in as many equal columns as the width allows and
/// filled column by column, so that 11 series take a few short columns
/// instead of one long list.
struct ChartLegend {
    enum Swatch {
        /// A line sample in the series' style, over a band swatch when the
        /// series has intervals.
        case line(ChartPalette.Style, band: Bool)
        /// A marker with a whisker through it.
        case marker(ChartPalette.Style)
        /// A filled bar with a whisker.
        case bar(ChartPalette.Style)
        /// A reference line.
        case reference(ReferenceLine.Emphasis)
    }

    struct Entry {
        let label: String
        let swatch: Swatch
    }

    static let rowHeight = 18.0
    static let swatchWidth = 30.0
    static let maximumLabelWidth = 260.0

    let entries: [Entry]
    let columns: Int
    let rows: Int
    let columnWidth: Double

    init(_ entries: [Entry], width: Double) {
        self.entries = entries
        let widest = entries.map { min(ChartText.width($0.label), Self.maximumLabelWidth) }.max() ?? 0
        let columnWidth = Self.swatchWidth + 8 + widest + 20
        let columns = max(1, min(entries.count, Int(width / columnWidth)))
        self.columns = columns
        rows = entries.isEmpty ? 0 : (entries.count + columns - 1) / columns
        // Spread the columns over the width so that they line up evenly.
        self.columnWidth = entries.isEmpty ? 0 : max(columnWidth, width / Double(columns))
    }

    var height: Double { Double(rows) * Self.rowHeight }

    /// Draws the legend with its top-left corner at (`left`, `top`).
    func draw(into svg: inout SVGWriter, left: Double, top: Double) {
        guard !entries.isEmpty else { return }
        svg.open("g", ["class": "legend"])
        for (index, entry) in entries.enumerated() {
            let column = index / rows
            let row = index % rows
            let x = left + Double(column) * columnWidth
            let y = top + Double(row) * Self.rowHeight + Self.rowHeight / 2
            let label = ChartText.truncated(entry.label, toWidth: Self.maximumLabelWidth)
            svg.open("g", ["class": "legend-entry"])
            if label != entry.label { svg.element("title", text: entry.label) }
            drawSwatch(entry.swatch, into: &svg, x: x, y: y)
            svg.element(
                "text",
                ["x": ChartNumber.coordinate(x + Self.swatchWidth + 8), "y": ChartNumber.coordinate(y + 4),
                 "fill": ChartPalette.ink],
                text: label)
            svg.close("g")
        }
        svg.close("g")
        svg.newline()
    }

    private func drawSwatch(_ swatch: Swatch, into svg: inout SVGWriter, x: Double, y: Double) {
        let c = ChartNumber.coordinate
        let end = x + Self.swatchWidth
        switch swatch {
        case let .line(style, band):
            if band {
                svg.leaf("rect", ["x": c(x), "y": c(y - 6), "width": c(Self.swatchWidth), "height": "12",
                                  "fill": style.colour, "fill-opacity": "0.18"])
            }
            let d = "M\(c(x)),\(c(y))H\(c(end))"
            if style.outlined {
                svg.leaf("path", ["d": d, "stroke": ChartPalette.outline, "stroke-width": "4", "fill": "none",
                                  "stroke-dasharray": style.dash])
            }
            svg.leaf("path", ["d": d, "stroke": style.colour, "stroke-width": "2.25", "fill": "none",
                              "stroke-dasharray": style.dash])
        case let .marker(style):
            svg.leaf("path", ["d": "M\(c(x + 4)),\(c(y))H\(c(end - 4))", "stroke": style.colour,
                              "stroke-width": "1.75", "fill": "none"])
            ChartMarker.draw(style, at: (x + Self.swatchWidth / 2, y), into: &svg)
        case let .bar(style):
            svg.leaf("rect", ["x": c(x + 6), "y": c(y - 6), "width": c(Self.swatchWidth - 12), "height": "12",
                              "fill": style.colour, "stroke": ChartPalette.outline, "stroke-width": "0.75"])
        case let .reference(emphasis):
            let line = ReferenceLineStyle(emphasis)
            svg.leaf("path", ["d": "M\(c(x)),\(c(y))H\(c(end))", "stroke": line.colour, "stroke-width": line.width,
                              "stroke-dasharray": line.dash, "fill": "none"])
        }
    }
}

/// How a reference line is stroked.
struct ReferenceLineStyle {
    let colour: String
    let width: String
    let dash: String?

    init(_ emphasis: ReferenceLine.Emphasis) {
        switch emphasis {
        case .strong: (colour, width, dash) = (ChartPalette.ink, "1.5", nil)
        case .threshold: (colour, width, dash) = (ChartPalette.muted, "1.25", "5 4")
        }
    }
}
