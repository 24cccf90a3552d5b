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

    /// A few policies share one chart; retention leaves out `control` (no
    /// programme); differences are drawn at every week with the band and the
    /// threshold; levels follow the axis rule; subgroups get forest plots.
    @Test func fewPoliciesShareAChartAndAxesFollowTheRule() throws {
        var plan = SimulationPlan(
            cohort: BuiltInCohorts.chronic, policies: ["control", "guideline", "percent:5"].map { try! PolicyCatalogue.policy($0) },
            persons: 120, weeks: 6, seed: 2, threads: 2)
        plan.grouping = .supervised
        let result = try Simulator.run(plan)
        let charts = HTMLReportRenderer.charts(result, reference: "guideline")
        #expect(charts.map(\.id) == ["pain", "disability", "flare_ups", "retention", "responders", "load",
                                     "pain-differences", "disability-differences", "retention-differences",
                                     "flare_ups-differences", "subgroups-pain", "subgroups-disability",
                                     "subgroups-retention", "subgroups-flare_ups"])
        let retention = try #require(charts.first { $0.id == "retention" }).svg()
        #expect(!retention.contains("data-series=\"control\"") && retention.contains("data-series=\"guideline\""))
        let pain = try #require(charts.first { $0.id == "pain-differences" }).svg()
        #expect(pain.contains("importance threshold (-1.5)") && pain.contains("class=\"band\""))
        #expect(!pain.contains("data-series=\"guideline\""), "the reference has no difference from itself")
        let differences = try #require(charts.first { $0.id == "pain-differences" } as? LineChart)
        #expect(differences.series.allSatisfy { $0.points.count == 7 })
        let flareUps = try #require(charts.first { $0.id == "flare_ups" } as? LineChart)
        #expect(flareUps.yAxis.range?.lowerBound == 0)
        #expect((charts.first { $0.id == "disability" } as? LineChart)?.yAxis.range == 0...100)
        let forest = try #require(charts.first { $0.id == "subgroups-retention" } as? DotWhiskerChart)
        #expect(forest.series.map(\.label) == ["everyone", "home", "supervised"] && forest.categories == ["control", "percent:5"])
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
            #expect(chart.width > 300 && chart.height > 200, "\(chart.id) rendered at \(chart.width) × \(chart.height)")
            #expect(chart.marks >= policies - 1, "\(chart.id) has \(chart.marks) data marks")
            // Distinguishable lines with 11 policies: no plot area holds more
            // than a handful of lines (small multiples: the policy and the
            // reference), and within a plot every series looks different
            // (colour, dash or marker) as the browser draws it.
            let plots = chart.plots ?? []
            #expect(!plots.isEmpty, "\(chart.id) has no plot area")
            for (index, looks) in plots.enumerated() {
                #expect(Set(looks).count == looks.count, "\(chart.id) plot \(index): series look alike: \(looks)")
                if chart.kind != "proportion" {
                    #expect(looks.count <= HTMLReportRenderer.handful + 1, "\(chart.id) plot \(index) draws \(looks.count) lines")
                }
            }
            if chart.kind == "small-multiples" {
                #expect(plots.count >= policies - 1, "\(chart.id): \(plots.count) panels")
            } else if chart.kind == "step" || chart.kind == "line" {
                #expect(plots.allSatisfy { $0.count <= HTMLReportRenderer.handful })
            }
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
