import BackSimReports
import Foundation
import Testing
import BackSimTestSupport
@testable import BackSimStudies

/// Renders each study page (sweep one-way and two-way, owsa, psa) in
/// headless Chromium and checks, in the browser's rendering, that every
/// chart is there at a real size with its data marks drawn, and that the
/// page loads nothing. Needs Debian's `chromium` (scripts/test installs it).
///
/// Set BACKSIM_CHART_ARTIFACTS to a directory to keep each page and a
/// screenshot there for a person to look at.
@Suite(.serialized) struct StudyPagesChromiumTests {
    struct Probe: Decodable {
        struct Chart: Decodable {
            let id: String
            let width: Double
            let height: Double
            let marks: Int
            let series: [String]
        }
        let charts: [Chart]
        let violations: [String]
    }

    static let provenance = StudyProvenance(
        scenario: "study-test", origin: "study-test.yaml", contentHash: "0", seed: 41, persons: 120, settings: ["dropout.base=-3.9"],
        overriddenByFlags: [])

    static func pages() throws -> [(name: String, html: String, charts: [(id: String, minimumMarks: Int, series: Int)])] {
        let scenario = try studyScenario(persons: 120, weeks: 6, uncertainty: """
            uncertainty:
              parameters:
                capacity.pain_benefit: {distribution: uniform, min: 0.3, max: 0.9}
                adherence.habit: {distribution: normal, mean: 0.3, sd: 0.3}
                function.person_sd: {distribution: lognormal, mu: 2, sigma: 0.3}
            """)
        let oneWay = try Sweep(
            scenario: scenario, axes: [try SweepAxis(parsing: "capacity.pain_benefit=0:0.6:0.1")], outcomes: [.pain],
            week: 6, reference: nil, threads: 2).run()
        let twoWay = try Sweep(
            scenario: scenario, axes: [try SweepAxis(parsing: "capacity.pain_benefit=0:0.6:0.2"), try SweepAxis(parsing: "percent=10:30:10")],
            outcomes: [.pain], week: 6, reference: nil, threads: 2).run()
        let tornado = try OneWaySensitivity(
            scenario: scenario, uncertainty: scenario.uncertainty!, policy: "guideline", reference: "control", outcome: .pain,
            week: 6, threads: 2).run()
        let psa = try ProbabilisticAnalysis(
            scenario: scenario, draws: .sampled(scenario.uncertainty!, seed: 41), count: 12, outcomes: [.pain], week: 6,
            threads: 2).run()
        var design = TrialDesign(sizes: [10, 20, 30], trials: 40, visit: 6, analysis: .ancova)
        design.referencePersons = 2_000
        let power = try PowerStudy(design: design, population: NormalTrialPopulation(meanChange: (-0.5, 0), sd: 1)).run()
        return [
            ("sweep", SweepReport(oneWay, provenance: provenance).html(), [("sweep-pain", 14, 2)]),
            ("sweep-grid", SweepReport(twoWay, provenance: provenance).html(), [("sweep-pain", 12, 1)]),
            ("owsa", OneWayReport(tornado, provenance: provenance).html(), [("tornado", 6, 2)]),
            ("psa", try PSAReport(psa, outcomes: [.pain], reference: "control", provenance: provenance).html(), [("differences-pain", 4, 2), ("p-best-pain", 63, 3)]),
            ("power", PowerReport(power, provenance: provenance, arms: ("A", "B")).html(), [("power-curve", 10, 2)]),
        ]
    }

    @Test(.timeLimit(.minutes(5))) func everyStudyPageRendersInChromium() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let chromium = path.split(separator: ":").map({ URL(fileURLWithPath: String($0)).appendingPathComponent("chromium") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            Issue.record("chromium was not found on PATH; run scripts/test, which installs Debian's chromium")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backsim-studies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let keep = ProcessInfo.processInfo.environment["BACKSIM_CHART_ARTIFACTS"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }

        for page in try Self.pages() {
            let policy = HTMLDocument.contentSecurityPolicy.replacingOccurrences(of: "'", with: "&#39;")
            #expect(page.html.contains(policy), "\(page.name) has no Content-Security-Policy")
            let probed = page.html
                .replacingOccurrences(of: policy, with: policy + "; script-src &#39;nonce-probe&#39;")
                .replacingOccurrences(of: "</body>", with: "<script nonce=\"probe\">\(Self.probe)</script></body>")
            let file = directory.appendingPathComponent("\(page.name).html")
            try probed.write(to: file, atomically: true, encoding: .utf8)
            let dom = try run(chromium, ["--dump-dom", "--virtual-time-budget=10000", file.absoluteString], in: directory)
            guard let start = dom.range(of: "<pre id=\"probe\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
                Issue.record("\(page.name): the probe reported nothing")
                continue
            }
            let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
            #expect(probe.violations.isEmpty, "\(page.name) tried to load: \(probe.violations)")
            #expect(probe.charts.map(\.id) == page.charts.map(\.id), "\(page.name)")
            for (expected, chart) in zip(page.charts, probe.charts) {
                #expect(chart.width > 600 && chart.height > 150, "\(page.name) \(chart.id): \(chart.width) × \(chart.height)")
                #expect(chart.marks >= expected.minimumMarks, "\(page.name) \(chart.id): \(chart.marks) marks drawn")
                #expect(Set(chart.series).count >= expected.series, "\(page.name) \(chart.id): series \(Set(chart.series))")
            }
            if let keep {
                try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
                let html = keep.appendingPathComponent("\(page.name).html")
                try? FileManager.default.removeItem(at: html)
                try page.html.write(to: html, atomically: true, encoding: .utf8)
                _ = try run(chromium, ["--screenshot=\(keep.appendingPathComponent("\(page.name).png").path)", "--window-size=1000,1600",
                                       "--hide-scrollbars", "--virtual-time-budget=5000", html.absoluteString], in: directory)
            }
        }
    }

    /// Marks with a visible box, per chart; CSP violations.
    static let probe = #"""
        (function () {
          var out = { charts: [], violations: [] };
          document.addEventListener('securitypolicyviolation', function (e) { out.violations.push(e.violatedDirective + ' ' + e.blockedURI); });
          window.addEventListener('load', function () {
            document.querySelectorAll('svg[data-chart-id]').forEach(function (svg) {
              var box = svg.getBoundingClientRect(), marks = 0, series = [];
              svg.querySelectorAll('.mark, .data, .band').forEach(function (el) {
                var b = el.getBBox();
                if (b.width > 0 || b.height > 0) { marks++; series.push(el.getAttribute('data-series')); }
              });
              out.charts.push({ id: svg.id, width: box.width, height: box.height, marks: marks, series: series });
            });
            var pre = document.createElement('pre');
            pre.id = 'probe';
            pre.textContent = JSON.stringify(out);
            document.body.appendChild(pre);
          });
        })();
        """#

    private func run(_ chromium: URL, _ arguments: [String], in directory: URL) throws -> String {
        let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)")
        let output = directory.appendingPathComponent("out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = chromium
        // --no-sandbox: CI runs as root, where the sandbox refuses to start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--no-default-browser-check", "--disable-extensions", "--mute-audio", "--user-data-dir=\(profile.path)"] + arguments
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw CocoaError(.executableLoad)
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}
