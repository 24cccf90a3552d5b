/// Draws series of (x, y) points with interval bands, joined either by
/// straight lines (trajectories) or by steps (Kaplan–Meier curves); shared by
/// ``LineChart`` and ``StepChart``.
///
/// Gaps: a point with a missing or non-finite y ends a line segment, and one
/// with a missing bound ends a band segment; nothing is drawn across a gap.
/// A segment of a single point is drawn as a marker (lines) or a short
/// horizontal run (steps need a next x; without one, a marker too).
struct TrajectoryPlot {
    enum Joining { case straight, steps }

    let id: String
    let kind: String
    let title: String
    let subtitle: String?
    let xAxis: ChartAxis
    let yAxis: ChartAxis
    let series: [ChartSeries]
    let referenceLines: [ReferenceLine]
    let size: ChartSize
    let joining: Joining
    /// Steps: where the last step of each series ends (the horizon).
    let extendTo: Double?
    /// False for a panel of ``SmallMultiplesChart``, whose legend is shared.
    var showsLegend = true

    func svg() -> String {
        let sorted = series.map { series in
            (series, series.points.filter { $0.x.isFinite }.sorted { $0.x < $1.x })
        }
        let styles = series.enumerated().map { ChartPalette.style($1.style ?? $0) }
        let hasBand = sorted.map { $0.1.contains { finiteValue($0.low) != nil && finiteValue($0.high) != nil } }
        var entries = zip(series, zip(styles, hasBand)).map { series, pair in
            ChartLegend.Entry(label: series.label, swatch: .line(pair.0, band: pair.1))
        }
        entries += ChartFrame.legendEntries(for: referenceLines)
        if !showsLegend { entries = [] }

        let xs = sorted.flatMap { $0.1.map(\.x) } + (extendTo.map { [$0] } ?? [])
        let ys = sorted.flatMap { $0.1.flatMap { [$0.y, $0.low, $0.high].compactMap { finiteValue($0) } } }
            + referenceLines.map(\.value)
        var yScale = NiceScale(values: ys, fixed: yAxis.range)
        let yLabels = yScale.ticks.map { ChartNumber.tick($0, decimals: yScale.decimals) }
        let leftMargin = 36 + (yLabels.map { ChartText.width($0) }.max() ?? 0)
        let frame = ChartFrame(
            id: id, kind: kind, title: title, subtitle: subtitle, width: size.width, leftMargin: leftMargin,
            plotHeight: size.plotHeight, legend: entries)
        var xScale = NiceScale(values: xs, fixed: xAxis.range, roundOut: false, targetTicks: 8)
        xScale.pixels = (frame.plotLeft, frame.plotRight)
        yScale.pixels = (frame.plotBottom, frame.plotTop)

        var svg = SVGWriter()
        frame.begin(&svg)
        frame.valueAxisLeft(&svg, scale: yScale, label: yAxis.label)
        frame.valueAxisBottom(&svg, scale: xScale, label: xAxis.label, grid: false)
        frame.beginPlot(&svg)
        // Bands first, under every line, so no band hides another series' line.
        for ((series, points), style) in zip(sorted, styles) {
            drawBand(points, style: style, label: series.label, into: &svg, x: xScale, y: yScale)
        }
        for ((series, points), style) in zip(sorted, styles) {
            drawLine(points, style: style, label: series.label, into: &svg, x: xScale, y: yScale)
        }
        frame.endPlot(&svg)
        frame.referenceLines(&svg, referenceLines, scale: yScale, vertical: false)
        frame.end(&svg)
        return svg.text
    }

    // MARK: Segments

    /// Runs of consecutive points for which `value` is defined, each point
    /// with the x where its step ends (the next point's x, or the horizon).
    private func segments(
        _ points: [ChartPoint], where defined: (ChartPoint) -> Bool
    ) -> [[(point: ChartPoint, end: Double)]] {
        var result: [[(point: ChartPoint, end: Double)]] = []
        var current: [(point: ChartPoint, end: Double)] = []
        for (index, point) in points.enumerated() {
            guard defined(point) else {
                if !current.isEmpty { result.append(current) }
                current = []
                continue
            }
            let end = index + 1 < points.count ? points[index + 1].x : (extendTo.map { max($0, point.x) } ?? point.x)
            current.append((point, end))
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private func drawLine(
        _ points: [ChartPoint], style: ChartPalette.Style, label: String, into svg: inout SVGWriter,
        x: NiceScale, y: NiceScale
    ) {
        let c = ChartNumber.coordinate
        var d = ""
        var isolated: [(Double, Double)] = []
        for segment in segments(points, where: { finiteValue($0.y) != nil }) {
            let first = segment[0]
            let hasLength = segment.count > 1 || (joining == .steps && first.end > first.point.x)
            guard hasLength else {
                isolated.append((x.position(first.point.x), y.position(first.point.y!)))
                continue
            }
            d += "M\(c(x.position(first.point.x))),\(c(y.position(first.point.y!)))"
            for (index, (point, end)) in segment.enumerated() {
                let py = c(y.position(point.y!))
                switch joining {
                case .straight:
                    if index > 0 { d += "L\(c(x.position(point.x))),\(py)" }
                case .steps:
                    if index > 0 { d += "V\(py)" }
                    d += "H\(c(x.position(end)))"
                }
            }
        }
        guard !d.isEmpty || !isolated.isEmpty else { return }
        svg.open("g", ["class": "series", "data-series": label])
        if !d.isEmpty {
            if style.outlined {
                svg.leaf("path", ["class": "casing", "d": d, "fill": "none", "stroke": ChartPalette.outline,
                                  "stroke-width": "4", "stroke-dasharray": style.dash, "stroke-linejoin": "round"])
            }
            svg.leaf("path", ["class": "line", "d": d, "fill": "none", "stroke": style.colour, "stroke-width": "2.25",
                              "stroke-dasharray": style.dash, "stroke-linejoin": "round"])
        }
        for point in isolated {
            ChartMarker.draw(style, at: point, into: &svg)
        }
        svg.close("g")
    }

    private func drawBand(
        _ points: [ChartPoint], style: ChartPalette.Style, label: String, into svg: inout SVGWriter,
        x: NiceScale, y: NiceScale
    ) {
        let c = ChartNumber.coordinate
        var d = ""
        for segment in segments(points, where: { finiteValue($0.low) != nil && finiteValue($0.high) != nil }) {
            // The upper edge left to right, the lower edge back.
            var upper: [(Double, Double)] = []
            var lower: [(Double, Double)] = []
            for (point, end) in segment {
                let px = x.position(point.x)
                let high = y.position(max(point.low!, point.high!))
                let low = y.position(min(point.low!, point.high!))
                switch joining {
                case .straight:
                    upper.append((px, high))
                    lower.append((px, low))
                case .steps:
                    let pe = x.position(end)
                    upper += [(px, high), (pe, high)]
                    lower += [(px, low), (pe, low)]
                }
            }
            // A band of one point (no width) becomes a narrow bar.
            if upper.count == 1 || upper.first!.0 == upper.last!.0 {
                let px = upper[0].0
                upper = [(px - 2, upper[0].1), (px + 2, upper[0].1)]
                lower = [(px - 2, lower[0].1), (px + 2, lower[0].1)]
            }
            let outline = upper + lower.reversed()
            d += "M" + outline.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: "L") + "Z"
        }
        guard !d.isEmpty else { return }
        svg.leaf("path", ["class": "band", "data-series": label, "d": d, "fill": style.colour,
                          "fill-opacity": "0.16", "stroke": "none"])
    }
}

/// `value` when it is a finite number, else `nil`: NaN and ±∞ are gaps.
func finiteValue(_ value: Double?) -> Double? {
    guard let value, value.isFinite else { return nil }
    return value
}
