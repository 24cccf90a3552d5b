import Foundation
import Testing

@testable import BackSimReports

/// Renders a report page with one chart of each kind in headless Chromium
/// and checks, in the browser's own rendering, that every chart is there and
/// has drawn something. Needs Debian's `chromium` (installed by
/// scripts/test); fails when it is missing.
///
/// Set BACKSIM_CHART_ARTIFACTS to a directory to keep the page and a
/// screenshot of it there for a person to look at.
@Suite(.serialized) struct HTMLReportChromiumTests {
    @Test(.timeLimit(.minutes(3))) func everyChartRendersInChromium() throws {
        let chromium: HeadlessChromium
        do {
            chromium = try HeadlessChromium()
        } catch {
            Issue.record("\(error)")
            return
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("backsim-report-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let html = HTMLDocumentTests.samplePage().render()
        let report = try chromium.probeCharts(html: html, in: directory)

        #expect(report.violations.isEmpty, "the page tried to load something: \(report.violations)")
        #expect(report.errors.isEmpty, "script errors: \(report.errors)")
        let expected: [(id: String, kind: String, series: Int)] = [
            ("pain-trajectories", "line", 11), ("retention", "step", 11), ("responders", "proportion", 11),
            ("paired-differences", "dot-whisker", 2),
        ]
        #expect(report.charts.map(\.id) == expected.map(\.id))
        for (id, kind, series) in expected {
            guard let chart = report.charts.first(where: { $0.id == id }) else {
                Issue.record("chart \(id) is not in the rendered page")
                continue
            }
            #expect(chart.kind == kind)
            #expect(chart.width > 300 && chart.height > 200, "\(id) rendered at \(chart.width) × \(chart.height)")
            #expect(chart.series == series, "\(id)")
            #expect(chart.legendEntries >= series, "\(id)")
            #expect(chart.marks >= series, "\(id) has \(chart.marks) data marks")
            #expect(chart.shapes > 20, "\(id) has \(chart.shapes) visible shapes")
            #expect(chart.dataPathLength > 100, "\(id): data lines are \(chart.dataPathLength) px long")
            #expect(chart.rasterError == nil, "\(id): \(chart.rasterError ?? "")")
            // Pixels: the plot area is substantially inked, in many colours.
            let plotInk = chart.plotInkPixels ?? 0
            #expect(plotInk > 2_000, "\(id) has \(plotInk) non-white pixels in its plot area")
            #expect((chart.inkPixels ?? 0) > plotInk, "\(id) has no ink outside its plot (title, axes, legend)")
            #expect((chart.plotColours ?? 0) >= min(series, 8), "\(id) shows \(chart.plotColours ?? 0) colours")
        }

        if let keep = ProcessInfo.processInfo.environment["BACKSIM_CHART_ARTIFACTS"], !keep.isEmpty {
            let target = URL(fileURLWithPath: keep, isDirectory: true)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let page = target.appendingPathComponent("report.html")
            try html.write(to: page, atomically: true, encoding: .utf8)
            try chromium.screenshot(of: page, to: target.appendingPathComponent("report.png"), height: 3600)
        }
    }
}
