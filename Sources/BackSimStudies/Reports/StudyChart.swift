import BackSimReports
import Foundation

/// The charts of study reports, drawn as plain SVG: lines with Monte Carlo
/// bands (sweeps, probability curves), a tornado and a heat map. Every mark
/// carries `data-series` so that tests can find what was drawn.
public struct StudyChart: SVGChart {
    public let id: String
    public let title: String
    let body: String
    let width: Double
    let height: Double

    public func svg() -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" id="\(id)" data-chart-id="\(id)" role="img" aria-label="\(escape(title))" \
        viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" height="\(n(height))" font-family="sans-serif" font-size="12">
        <title>\(escape(title))</title>
        <text x="\(n(width / 2))" y="18" text-anchor="middle" font-size="14" font-weight="bold">\(escape(title))</text>
        \(body)</svg>
        """
    }

    static let colours = ["#1965B0", "#DC050C", "#4EB265", "#882E72", "#F4A736", "#72190E", "#7BAFDE", "#E8601C", "#90C987", "#CAE0AB", "#F7F056"]

    /// Plot frame: margins and the mapping from data to pixels.
    struct Frame {
        let left = 70.0, right = 190.0, top = 34.0, bottom = 48.0
        let width: Double, height: Double
        let x: ClosedRange<Double>, y: ClosedRange<Double>
        func px(_ value: Double) -> Double {
            let span = x.upperBound - x.lowerBound
            return left + (span > 0 ? (value - x.lowerBound) / span : 0.5) * (width - left - right)
        }
        func py(_ value: Double) -> Double {
            let span = y.upperBound - y.lowerBound
            return height - bottom - (span > 0 ? (value - y.lowerBound) / span : 0.5) * (height - top - bottom)
        }
        var plotRight: Double { width - right }
        var plotBottom: Double { height - bottom }
    }

    /// A line per series with a shaded band (low…high) and optional
    /// horizontal reference lines (zero, ± threshold).
    static func lines(
        id: String, title: String, xLabel: String, yLabel: String,
        series: [(name: String, points: [(x: Double, y: Double, low: Double, high: Double)])],
        references: [(value: Double, label: String)] = [], yRange: ClosedRange<Double>? = nil
    ) -> StudyChart {
        let width = 760.0, height = 380.0
        let xs = series.flatMap { $0.points.map(\.x) }
        let ys = series.flatMap { $0.points.flatMap { [$0.low, $0.high, $0.y] } } + references.map(\.value)
        let frame = Frame(width: width, height: height, x: padded(xs, 0), y: yRange ?? padded(ys, 0.05))
        var body = axes(frame, xLabel: xLabel, yLabel: yLabel)
        for reference in references {
            let y = frame.py(reference.value)
            body += "<line x1=\"\(n(frame.left))\" x2=\"\(n(frame.plotRight))\" y1=\"\(n(y))\" y2=\"\(n(y))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
            body += "<text x=\"\(n(frame.plotRight - 4))\" y=\"\(n(y - 4))\" text-anchor=\"end\" fill=\"#555\">\(escape(reference.label))</text>\n"
        }
        for (index, item) in series.enumerated() {
            let colour = colours[index % colours.count]
            let points = item.points.sorted { $0.x < $1.x }
            guard !points.isEmpty else { continue }
            if points.contains(where: { $0.high > $0.low }) {
                let upper = points.map { "\(n(frame.px($0.x))),\(n(frame.py($0.high)))" }
                let lower = points.reversed().map { "\(n(frame.px($0.x))),\(n(frame.py($0.low)))" }
                body += "<polygon class=\"band\" data-series=\"\(escape(item.name))\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
            }
            let path = points.map { "\(n(frame.px($0.x))),\(n(frame.py($0.y)))" }.joined(separator: " ")
            body += "<polyline class=\"data\" data-series=\"\(escape(item.name))\" points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
            for point in points {
                body += "<circle class=\"mark\" data-series=\"\(escape(item.name))\" cx=\"\(n(frame.px(point.x)))\" cy=\"\(n(frame.py(point.y)))\" r=\"3\" fill=\"\(colour)\"/>"
            }
            body += legend(frame, index: index, name: item.name, colour: colour)
        }
        return StudyChart(id: id, title: title, body: body, width: width, height: height)
    }

    /// A tornado: one horizontal bar per row from the value at its low
    /// input to the value at its high input, with error bars (± 1.96 SE)
    /// at both ends and a vertical line at the base.
    static func tornado(
        id: String, title: String, xLabel: String, base: Double,
        rows: [(label: String, low: Double, lowSE: Double, high: Double, highSE: Double)]
    ) -> StudyChart {
        let rowHeight = 26.0, top = 58.0
        let plotBottom = top + rowHeight * Double(max(rows.count, 1))
        let width = 820.0, height = plotBottom + 48
        var values = [base]
        for row in rows {
            let lowReach: Double = 1.96 * row.lowSE, highReach: Double = 1.96 * row.highSE
            values += [row.low - lowReach, row.low + lowReach, row.high - highReach, row.high + highReach]
        }
        let range = padded(values, 0.05)
        let left = 250.0
        func px(_ v: Double) -> Double {
            let span = range.upperBound - range.lowerBound
            return left + (span > 0 ? (v - range.lowerBound) / span : 0.5) * (width - left - 40)
        }
        var body = ""
        for tick in niceTicks(range) {
            body += "<line x1=\"\(n(px(tick)))\" x2=\"\(n(px(tick)))\" y1=\"\(n(top - 4))\" y2=\"\(n(plotBottom))\" stroke=\"#e4e4e4\"/>"
            body += "<text x=\"\(n(px(tick)))\" y=\"\(n(plotBottom + 16))\" text-anchor=\"middle\">\(tickText(tick))</text>\n"
        }
        body += "<text x=\"\(n((left + width - 40) / 2))\" y=\"\(n(plotBottom + 38))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let (a, b) = (px(row.low), px(row.high))
            body += "<text x=\"\(n(left - 8))\" y=\"\(n(y + 16))\" text-anchor=\"end\">\(escape(row.label))</text>"
            body += "<rect class=\"mark\" data-series=\"low\" x=\"\(n(min(a, px(base))))\" y=\"\(n(y + 4))\" width=\"\(n(max(abs(a - px(base)), 1)))\" height=\"\(n(rowHeight - 8))\" fill=\"\(colours[0])\" fill-opacity=\"0.75\"/>"
            body += "<rect class=\"mark\" data-series=\"high\" x=\"\(n(min(b, px(base))))\" y=\"\(n(y + 4))\" width=\"\(n(max(abs(b - px(base)), 1)))\" height=\"\(n(rowHeight - 8))\" fill=\"\(colours[1])\" fill-opacity=\"0.75\"/>"
            for (value, se) in [(row.low, row.lowSE), (row.high, row.highSE)] {
                let mid = y + rowHeight / 2
                body += "<line class=\"error\" x1=\"\(n(px(value - 1.96 * se)))\" x2=\"\(n(px(value + 1.96 * se)))\" y1=\"\(n(mid))\" y2=\"\(n(mid))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
            }
            body += "\n"
        }
        body += "<line x1=\"\(n(px(base)))\" x2=\"\(n(px(base)))\" y1=\"\(n(top - 4))\" y2=\"\(n(plotBottom))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
        body += "<text x=\"\(n(px(base)))\" y=\"\(n(top - 8))\" text-anchor=\"middle\" fill=\"#222\">base \(tickText(base))</text>\n"
        body += "<g class=\"legend-entry\"><rect x=\"\(n(left))\" y=\"28\" width=\"10\" height=\"10\" fill=\"\(colours[0])\"/><text x=\"\(n(left + 14))\" y=\"37\">at the low percentile</text></g>"
        body += "<g class=\"legend-entry\"><rect x=\"\(n(left + 160))\" y=\"28\" width=\"10\" height=\"10\" fill=\"\(colours[1])\"/><text x=\"\(n(left + 174))\" y=\"37\">at the high percentile</text></g>"
        body += "<text x=\"\(n(left + 330))\" y=\"37\" fill=\"#555\">whiskers: 95% Monte Carlo intervals</text>\n"
        return StudyChart(id: id, title: title, body: body, width: width, height: height)
    }

    /// One row per item: a dot at `mean` and a bar from `low` to `high`,
    /// with vertical reference lines (zero, thresholds).
    static func intervals(
        id: String, title: String, xLabel: String, rows: [(label: String, mean: Double, low: Double, high: Double)],
        references: [(value: Double, label: String)]
    ) -> StudyChart {
        let rowHeight = 28.0, top = 48.0, left = 170.0
        let plotBottom = top + rowHeight * Double(max(rows.count, 1))
        let width = 760.0, height = plotBottom + 56
        let range = padded(rows.flatMap { [$0.low, $0.high] } + references.map(\.value), 0.05)
        func px(_ v: Double) -> Double {
            let span = range.upperBound - range.lowerBound
            return left + (span > 0 ? (v - range.lowerBound) / span : 0.5) * (width - left - 40)
        }
        var body = ""
        for tick in niceTicks(range) {
            body += "<line x1=\"\(n(px(tick)))\" x2=\"\(n(px(tick)))\" y1=\"\(n(top - 4))\" y2=\"\(n(plotBottom))\" stroke=\"#e4e4e4\"/>"
            body += "<text x=\"\(n(px(tick)))\" y=\"\(n(plotBottom + 16))\" text-anchor=\"middle\">\(tickText(tick))</text>\n"
        }
        for reference in references {
            body += "<line x1=\"\(n(px(reference.value)))\" x2=\"\(n(px(reference.value)))\" y1=\"\(n(top - 4))\" y2=\"\(n(plotBottom))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
            body += "<text x=\"\(n(px(reference.value)))\" y=\"\(n(top - 8))\" text-anchor=\"middle\" fill=\"#555\">\(escape(reference.label))</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * (Double(index) + 0.5)
            let colour = colours[(index + 1) % colours.count]
            body += "<text x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(escape(row.label))</text>"
            body += "<line class=\"mark\" data-series=\"\(escape(row.label))\" x1=\"\(n(px(row.low)))\" x2=\"\(n(px(row.high)))\" y1=\"\(n(y))\" y2=\"\(n(y))\" stroke=\"\(colour)\" stroke-width=\"4\"/>"
            body += "<circle class=\"mark\" data-series=\"\(escape(row.label))\" cx=\"\(n(px(row.mean)))\" cy=\"\(n(y))\" r=\"5\" fill=\"#222\"/>\n"
        }
        body += "<text x=\"\(n((left + width - 40) / 2))\" y=\"\(n(plotBottom + 38))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        return StudyChart(id: id, title: title, body: body, width: width, height: height)
    }

    /// A heat map of categories: cell (i, j) coloured by `cells[j][i]`'s
    /// category (x index i, y index j).
    static func heatMap(
        id: String, title: String, xLabel: String, yLabel: String, xs: [Double], ys: [Double], cells: [[String]]
    ) -> StudyChart {
        let categories = Array(Set(cells.flatMap { $0 })).sorted()
        let width = 760.0, height = 420.0
        let frame = Frame(width: width, height: height, x: 0...Double(xs.count), y: 0...Double(ys.count))
        var body = ""
        let cellWidth = (frame.plotRight - frame.left) / Double(max(xs.count, 1))
        let cellHeight = (frame.plotBottom - frame.top) / Double(max(ys.count, 1))
        for (j, row) in cells.enumerated() {
            for (i, category) in row.enumerated() {
                let colour = colours[categories.firstIndex(of: category)! % colours.count]
                body += "<rect class=\"mark\" data-series=\"\(escape(category))\" x=\"\(n(frame.left + cellWidth * Double(i)))\" y=\"\(n(frame.plotBottom - cellHeight * Double(j + 1)))\" width=\"\(n(cellWidth))\" height=\"\(n(cellHeight))\" fill=\"\(colour)\" stroke=\"#fff\"><title>\(escape(category))</title></rect>"
            }
            body += "\n"
        }
        let xStep = max(1, xs.count / 10), yStep = max(1, ys.count / 10)
        for (i, x) in xs.enumerated() where i % xStep == 0 {
            body += "<text x=\"\(n(frame.left + cellWidth * (Double(i) + 0.5)))\" y=\"\(n(frame.plotBottom + 16))\" text-anchor=\"middle\">\(tickText(x))</text>"
        }
        for (j, y) in ys.enumerated() where j % yStep == 0 {
            body += "<text x=\"\(n(frame.left - 6))\" y=\"\(n(frame.plotBottom - cellHeight * (Double(j) + 0.5) + 4))\" text-anchor=\"end\">\(tickText(y))</text>"
        }
        body += "<text x=\"\(n((frame.left + frame.plotRight) / 2))\" y=\"\(n(height - 10))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
        body += "<text transform=\"translate(16 \(n((frame.top + frame.plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        for (index, category) in categories.enumerated() {
            body += legend(frame, index: index, name: category, colour: colours[index % colours.count], square: true)
        }
        return StudyChart(id: id, title: title, body: body, width: width, height: height)
    }

    private static func axes(_ frame: Frame, xLabel: String, yLabel: String) -> String {
        var body = "<rect x=\"\(n(frame.left))\" y=\"\(n(frame.top))\" width=\"\(n(frame.plotRight - frame.left))\" height=\"\(n(frame.plotBottom - frame.top))\" fill=\"none\" stroke=\"#999\"/>\n"
        for tick in niceTicks(frame.x) {
            body += "<line x1=\"\(n(frame.px(tick)))\" x2=\"\(n(frame.px(tick)))\" y1=\"\(n(frame.plotBottom))\" y2=\"\(n(frame.plotBottom + 4))\" stroke=\"#999\"/>"
            body += "<text x=\"\(n(frame.px(tick)))\" y=\"\(n(frame.plotBottom + 16))\" text-anchor=\"middle\">\(tickText(tick))</text>"
        }
        for tick in niceTicks(frame.y) {
            body += "<line x1=\"\(n(frame.left))\" x2=\"\(n(frame.plotRight))\" y1=\"\(n(frame.py(tick)))\" y2=\"\(n(frame.py(tick)))\" stroke=\"#eee\"/>"
            body += "<text x=\"\(n(frame.left - 6))\" y=\"\(n(frame.py(tick) + 4))\" text-anchor=\"end\">\(tickText(tick))</text>"
        }
        body += "\n<text x=\"\(n((frame.left + frame.plotRight) / 2))\" y=\"\(n(frame.height - 10))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
        body += "<text transform=\"translate(16 \(n((frame.top + frame.plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        return body
    }

    private static func legend(_ frame: Frame, index: Int, name: String, colour: String, square: Bool = false) -> String {
        let y = frame.top + 8 + 18 * Double(index)
        let x = frame.plotRight + 14
        let mark = square
            ? "<rect x=\"\(n(x))\" y=\"\(n(y - 6))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            : "<line x1=\"\(n(x))\" x2=\"\(n(x + 14))\" y1=\"\(n(y))\" y2=\"\(n(y))\" stroke=\"\(colour)\" stroke-width=\"3\"/>"
        return "<g class=\"legend-entry\">\(mark)<text x=\"\(n(x + 20))\" y=\"\(n(y + 4))\">\(escape(name))</text></g>\n"
    }

    static func padded(_ values: [Double], _ fraction: Double) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        if low == high { return (low - 1)...(high + 1) }
        let pad = (high - low) * fraction
        return (low - pad)...(high + pad)
    }

    static func niceTicks(_ range: ClosedRange<Double>) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [range.lowerBound] }
        let raw = span / 6
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var ticks: [Double] = []
        var tick = ceil(range.lowerBound / step) * step
        while tick <= range.upperBound + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    static func tickText(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

func n(_ value: Double) -> String { String(format: "%.1f", value) }

func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
