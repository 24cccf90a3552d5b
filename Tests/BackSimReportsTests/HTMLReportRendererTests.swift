import BackSimCore
import BackSimTestSupport
import Foundation
import Testing

@testable import BackSimReports

/// The real report of a run with all eleven built-in policies, rendered in
/// headless Chromium: every chart present, drawn and legible.
@Suite(.serialized) struct HTMLReportRendererTests {
    static func report() throws -> String {
        let result = try Runs.compare(
            cohort: "mixed", policies: PolicyCatalogue.defaultLabels, persons: 300, weeks: 12, seed: 5)
        return HTMLReportRenderer.render(result, reference: "control")
    }

    @Test func isSelfContained() throws {
        let html = try Self.report()
        #expect(!html.contains("http://") && !html.contains("https://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.contains("<script"))
        for id in HTMLReportRenderer.chartIDs { #expect(html.contains("data-chart-id=\"\(id)\""), "\(id)") }
    }

    @Test(.timeLimit(.minutes(3))) func everyChartOfTheReportRendersInChromium() throws {
        let chromium: HeadlessChromium
        do { chromium = try HeadlessChromium() } catch {
            Issue.record("\(error)")
            return
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("backsim-real-report-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = try Self.report()
        let report = try chromium.probeCharts(html: html, in: directory)
        #expect(report.violations.isEmpty, "the page tried to load something: \(report.violations)")
        #expect(report.errors.isEmpty, "script errors: \(report.errors)")
        #expect(report.charts.map(\.id) == HTMLReportRenderer.chartIDs)
        let policies = PolicyCatalogue.defaultLabels.count
        for chart in report.charts {
            let lines = chart.kind != "dot-whisker"
            #expect(chart.width > 300 && chart.height > 200, "\(chart.id) rendered at \(chart.width) × \(chart.height)")
            #expect(chart.series == (lines ? policies : 1), "\(chart.id)")
            #expect(chart.legendEntries >= chart.series, "\(chart.id)")
            #expect(chart.marks >= (lines ? policies : policies - 1), "\(chart.id) has \(chart.marks) data marks")
            #expect(chart.shapes > 20, "\(chart.id) has \(chart.shapes) visible shapes")
            #expect((chart.plotInkPixels ?? 0) > 1_000, "\(chart.id) has \(chart.plotInkPixels ?? 0) inked plot pixels")
            #expect(chart.rasterError == nil, "\(chart.id): \(chart.rasterError ?? "")")
        }
        if let keep = ProcessInfo.processInfo.environment["BACKSIM_CHART_ARTIFACTS"], !keep.isEmpty {
            let target = URL(fileURLWithPath: keep, isDirectory: true)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let page = target.appendingPathComponent("real-report.html")
            try html.write(to: page, atomically: true, encoding: .utf8)
            try chromium.screenshot(of: page, to: target.appendingPathComponent("real-report.png"), height: 6000)
        }
    }
}
