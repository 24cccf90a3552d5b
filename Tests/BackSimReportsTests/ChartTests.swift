import Testing

@testable import BackSimReports

@Suite struct ChartTests {
    /// Parses `svg` strictly and returns the root `<svg>` element.
    private func parse(_ svg: String) throws -> XMLTree.Element {
        let root = try XMLTree.parse(svg).root
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        return root
    }

    /// What every chart must have: a title (visible and accessible), axis
    /// labels with units, tick labels, a legend; and no NaN or stray
    /// external reference.
    private func checkCommon(_ svg: String, kind: String, id: String, title: String) throws -> XMLTree.Element {
        let root = try parse(svg)
        #expect(root.attributes["data-chart"] == kind)
        #expect(root.attributes["id"] == id)
        #expect(root.attributes["font-family"] == "sans-serif")
        #expect(root.children.first?.name == "title" && root.children.first?.allText == title)
        #expect(root.all("text", class: "chart-title").first?.allText == title)
        #expect(!root.all("text", class: "axis-title").isEmpty)
        #expect(root.all("text", class: "tick-label").count >= 2)
        #expect(!root.all("g", class: "legend").isEmpty)
        for bad in ["NaN", "nan", "inf", "<script", "href=", "@import", "url(http"] {
            #expect(!svg.contains(bad), "output contains \(bad)")
        }
        return root
    }

    // MARK: Line chart

    @Test func lineChartWithElevenSeries() throws {
        let chart = ChartSamples.lineChart
        let root = try checkCommon(chart.svg(), kind: "line", id: "pain-trajectories", title: "Pain over 12 weeks")
        #expect(root.all("g", class: "series").count == 11)
        #expect(root.all("path", class: "line").count == 11)
        #expect(root.all("path", class: "band").count == 11)
        let entries = root.all("g", class: "legend-entry")
        #expect(entries.count == 11)
        // Every label reaches the legend, escaped and intact.
        let labels = Set(entries.map { $0.all("text").map(\.allText).joined() })
        #expect(labels.contains("rule table <two-a-week> & \"safe\""))
        #expect(chart.svg().contains("&lt;two-a-week&gt; &amp; &quot;safe&quot;"))
        // The legend wraps into columns: more than one distinct x, fewer rows than entries.
        let xs = Set(entries.compactMap { $0.all("text").first?.attributes["x"] })
        let ys = Set(entries.compactMap { $0.all("text").first?.attributes["y"] })
        #expect(xs.count > 1 && ys.count < 11)
        // 11 lines, 11 distinct colour-and-dash styles.
        let styles = root.all("path", class: "line").map { "\($0.attributes["stroke"] ?? "")|\($0.attributes["stroke-dasharray"] ?? "")" }
        #expect(Set(styles).count == 11)
        #expect(Set(root.all("path", class: "line").compactMap { $0.attributes["stroke"] }).count == 11)
        // Axis titles carry their units.
        let axisTitles = root.all("text", class: "axis-title").map(\.allText)
        #expect(axisTitles.contains("Pain (NRS 0-10)") && axisTitles.contains("Week"))
    }

    @Test func gapsBreakLinesWithoutNaN() throws {
        let points: [ChartPoint] = [
            ChartPoint(x: 0, y: 5, low: 4, high: 6),
            ChartPoint(x: 1, y: 4.5, low: 3.5, high: 5.5),
            ChartPoint(x: 2, y: nil),
            ChartPoint(x: 3, y: .nan, low: .nan, high: 5),
            ChartPoint(x: 4, y: 4, low: 3, high: 5),
            ChartPoint(x: 5, y: 3.8, low: 2.9, high: 4.7),
            ChartPoint(x: 6, y: .infinity),
            ChartPoint(x: 7, y: 3.5),  // isolated: drawn as a marker
        ]
        let chart = LineChart(
            id: "gaps", title: "Gaps", yAxis: ChartAxis("Pain", unit: "NRS"),
            series: [ChartSeries("a", points: points), ChartSeries("empty", points: [ChartPoint(x: 0, y: nil)])])
        let svg = chart.svg()
        let root = try checkCommon(svg, kind: "line", id: "gaps", title: "Gaps")
        let lines = root.all("path", class: "line")
        #expect(lines.count == 1)
        let d = try #require(lines.first?.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 2)  // two segments: weeks 0-1 and 4-5
        #expect(d.filter { $0 == "L" }.count == 2)
        #expect(root.all("path", class: "marker").count == 1)
        let band = try #require(root.all("path", class: "band").first?.attributes["d"])
        #expect(band.filter { $0 == "Z" }.count == 2)
        // A series with nothing to draw still has its legend entry.
        #expect(root.all("g", class: "series").count == 1)
        #expect(root.all("g", class: "legend-entry").count == 2)
    }

    @Test func valueAxisRoundsOutToNiceTicks() throws {
        let chart = LineChart(
            id: "ticks", title: "Ticks", yAxis: ChartAxis("Pain"),
            series: [ChartSeries("a", points: [ChartPoint(x: 0, y: 0.3), ChartPoint(x: 12, y: 9.7)])])
        let root = try parse(chart.svg())
        let yTicks = root.all("g", class: "y-axis").first?.all("text", class: "tick-label").map(\.allText)
        #expect(yTicks == ["0", "2", "4", "6", "8", "10"])
        let xTicks = root.all("g", class: "x-axis").first?.all("text", class: "tick-label").map(\.allText)
        #expect(xTicks == ["0", "2", "4", "6", "8", "10", "12"])
    }

    // MARK: Step chart

    @Test func stepChartDrawsSteps() throws {
        let chart = ChartSamples.stepChart
        let root = try checkCommon(chart.svg(), kind: "step", id: "retention", title: "Retention (Kaplan–Meier)")
        let lines = root.all("path", class: "line")
        #expect(lines.count == 11)
        for line in lines {
            let d = line.attributes["d"] ?? ""
            // Steps only: horizontal and vertical moves after the start.
            #expect(!d.contains("L") && d.contains("H") && d.contains("V"))
        }
        #expect(root.all("path", class: "band").count == 11)
        let yTicks = root.all("g", class: "y-axis").first?.all("text", class: "tick-label").map(\.allText)
        #expect(yTicks == ["0", "20", "40", "60", "80", "100"])
    }

    @Test func stepChartExtendsTheLastStep() throws {
        let chart = StepChart(
            id: "km", title: "KM", yAxis: ChartAxis("S", range: 0...1),
            series: [ChartSeries("a", points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 3, y: 0.5)])], extendTo: 10)
        let root = try parse(chart.svg())
        let d = try #require(root.all("path", class: "line").first?.attributes["d"])
        // Three horizontal runs would be 0→3, 3→10: two H commands.
        #expect(d.filter { $0 == "H" }.count == 2 && d.filter { $0 == "V" }.count == 1)
        let yTicks = root.all("g", class: "y-axis").first?.all("text", class: "tick-label").map(\.allText)
        #expect(yTicks == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    // MARK: Dot and whisker

    @Test func dotWhiskerWithReferenceLines() throws {
        let chart = ChartSamples.dotWhiskerChart
        let root = try checkCommon(
            chart.svg(), kind: "dot-whisker", id: "paired-differences", title: "Difference from control at week 12")
        #expect(root.all("g", class: "series").count == 2)
        #expect(root.all("path", class: "whisker").count == 20)
        #expect(root.all("path", class: "marker").count == 20 + 2)  // marks + legend swatches
        let references = root.all("g", class: "reference-line")
        #expect(references.map { $0.attributes["data-value"] } == ["0", "−15", "15"])
        #expect(references.map { $0.all("text").first?.allText } == ["0", "−15", "+15"])
        // The legend: two series and one entry per distinct reference label.
        #expect(root.all("g", class: "legend-entry").count == 4)
        // Row labels: every category, in order.
        let rows = root.all("g", class: "y-axis").first?.all("text", class: "tick-label").count
        #expect(rows == 10)
    }

    @Test func dotWhiskerSkipsMissingEstimates() throws {
        let chart = DotWhiskerChart(
            id: "dw", title: "DW", valueAxis: ChartAxis("Difference", unit: "NRS"), categories: ["a", "b", "c"],
            series: [CategorySeries("pain", estimates: [
                ChartEstimate(-1, low: -2, high: 0), ChartEstimate(nil, low: -1, high: 1), ChartEstimate(.nan),
            ])])
        let root = try parse(chart.svg())
        #expect(root.all("path", class: "whisker").count == 2)
        #expect(root.all("g", class: "series").first?.all("path", class: "marker").count == 1)
    }

    // MARK: Proportions

    @Test func proportionDotsAndBars() throws {
        let dots = ChartSamples.proportionChart
        let root = try checkCommon(dots.svg(), kind: "proportion", id: "responders", title: "Responders at week 12")
        #expect(root.all("g", class: "series").count == 11)
        #expect(root.all("path", class: "whisker").count == 33)
        #expect(root.all("g", class: "legend-entry").count == 11)
        let axisTitles = root.all("text", class: "axis-title").map(\.allText)
        #expect(axisTitles.contains("Responders (%)") && axisTitles.contains("Responder definition"))

        var bars = dots
        bars.style = .bars
        let barRoot = try parse(bars.svg())
        #expect(barRoot.all("rect", class: "bar").count == 33)
        #expect(barRoot.all("path", class: "whisker").count == 33)
        for bar in barRoot.all("rect", class: "bar") {
            #expect((Double(bar.attributes["height"] ?? "") ?? 0) > 0)
        }
    }

    // MARK: Pieces

    @Test func niceScales() {
        #expect(NiceScale.nice(12, round: false) == 20 && NiceScale.nice(0.13, round: true) == 0.1)
        let fitted = NiceScale(values: [-13.7, 2.2, .nan])
        #expect(fitted.domain == -15...5 && fitted.ticks == [-15, -10, -5, 0, 5])
        let fixed = NiceScale(values: [150], fixed: 0...100)
        #expect(fixed.domain == 0...100 && fixed.ticks == [0, 20, 40, 60, 80, 100])
        let single = NiceScale(values: [50])
        #expect(single.domain.contains(50) && single.domain.lowerBound < 50 && single.ticks.count >= 2)
        let empty = NiceScale(values: [])
        #expect(empty.domain == 0...1)
        let tenths = NiceScale(values: [0.1, 0.7])
        #expect(tenths.ticks.map { ChartNumber.tick($0, decimals: tenths.decimals) } == ["0.0", "0.2", "0.4", "0.6", "0.8"])
    }

    @Test func compactNumbers() {
        #expect(ChartNumber.coordinate(12.3456) == "12.35")
        #expect(ChartNumber.coordinate(100) == "100")
        #expect(ChartNumber.coordinate(-0.001) == "0")
        #expect(ChartNumber.coordinate(-3.5) == "-3.5")
        #expect(ChartNumber.tick(-5, decimals: 0) == "−5")
        #expect(ChartNumber.tick(-0.001, decimals: 1) == "0.0")
        #expect(ChartNumber.decimals(forStep: 0.25) == 2 && ChartNumber.decimals(forStep: 5) == 0)
    }

    @Test func paletteStaysDistinctForElevenAndBeyond() {
        let eleven = (0..<11).map(ChartPalette.style)
        #expect(Set(eleven.map(\.colour)).count == 11)
        let many = (0..<44).map { ChartPalette.style($0) }
        #expect(Set(many.map { "\($0.colour)\($0.dash ?? "")" }).count == 44)
    }

    @Test func escaping() throws {
        #expect(SVGWriter.escape("a<b>&\"c'\u{1}") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(SVGWriter.identifier("1 chart/x") == "chart-1-chart-x")
        let chart = LineChart(
            id: "x<y", title: "Title & <more>", yAxis: ChartAxis("A \"quoted\" axis", unit: "<unit>"),
            series: [ChartSeries("s", points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 2)])])
        let root = try parse(chart.svg())
        #expect(root.attributes["id"] == "x-y")
        #expect(root.all("text", class: "chart-title").first?.allText == "Title & <more>")
    }
}
