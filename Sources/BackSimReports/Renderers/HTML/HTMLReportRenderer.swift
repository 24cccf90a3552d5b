import BackSimCore
import Stochastics

/// The self-contained HTML report: the run, SVG charts (pain and disability
/// trajectories with interval bands, retention curves, responder rates, load
/// progression, paired differences with the importance thresholds), and the
/// tables of the Markdown report. No scripts, fonts or network.
public enum HTMLReportRenderer {
    /// The `id`s of the report's charts, in page order (tests look for them).
    public static let chartIDs = [
        "pain", "disability", "retention", "responders", "load", "pain-differences", "disability-differences",
    ]

    /// The self-contained HTML report of a run (`--format html`).
    public static func render(
        _ result: SimulationResult, provenance: Provenance? = nil, weeks: [Int]? = nil, reference: String? = nil
    ) -> String {
        let shown = TableRenderer.shownWeeks(weeks, horizon: result.weeks)
        let title = "BackSim: \(provenance?.scenario ?? result.cohort)"
        let subtitle = "\(result.persons) persons × \(result.replications) replication\(result.replications == 1 ? "" : "s"), "
            + "\(result.weeks) weeks, seed \(result.seed), BackSim \(ToolInfo.version)"
            + (provenance.map { ", scenario \($0.origin) (content hash \($0.contentHash))" } ?? "")
        var document = HTMLDocument(title: title, subtitle: subtitle)

        document.append(.init("Pain and function", anchor: "outcomes", blocks: [
            .chart(trajectory(result, metric: .pain, id: "pain", title: "Reported pain",
                              axis: ChartAxis("Pain", unit: "NRS 0-10", range: 0...10)),
                   caption: "Mean weekly pain report with its 95% Monte Carlo interval (band)."),
            .chart(trajectory(result, metric: .disability, id: "disability", title: "Disability",
                              axis: ChartAxis("Disability", unit: "0-100")),
                   caption: "Mean Oswestry-like disability score with its 95% Monte Carlo interval."),
            .table(outcomeTable(result, weeks: shown)),
        ]))

        let responderMetrics: [(Metric, String)] = [(.responder30, "≥30% less pain"), (.responder2pt, "≥2 points less"), (.responder50, "≥50% less pain")]
        document.append(.init("Retention and response", anchor: "retention", blocks: [
            .chart(retention(result), caption: "Kaplan-Meier share still in the programme, with Greenwood log-log 95% intervals."),
            .chart(ProportionChart(
                id: "responders", title: "Responders at week \(result.weeks)",
                subtitle: "Share of persons with pain improved from baseline; Wilson 95% intervals",
                categoryTitle: "Definition", categories: responderMetrics.map(\.1),
                series: result.policies.enumerated().map { index, policy in
                    CategorySeries(policy.label, estimates: responderMetrics.map { metric, _ in
                        let s = policy.summary(metric, week: result.weeks)
                        return ChartEstimate(s.mean.map { $0 * 100 }, low: s.ciLow.map { $0 * 100 }, high: s.ciHigh.map { $0 * 100 })
                    }, style: index)
                }), caption: "IMMPACT moderate (≥30%) and substantial (≥50%) benchmarks; Ostelo 2008 (≥2 NRS points)."),
            .table(survivalTable(result)),
        ]))

        document.append(.init("Load", anchor: "load", blocks: [
            .chart(trajectory(result, metric: .load, id: "load", title: "Weekly training load",
                              axis: ChartAxis("Load", unit: "session-RPE × min/week")),
                   caption: "Mean weekly load done (Foster 2001 session-RPE × minutes), everyone included."),
        ]))

        if let reference, result.policies.count > 1 {
            document.append(.init("Compared with \(reference)", anchor: "comparisons", blocks: [
                .paragraph("Paired per-person differences (policy − \(reference)) at week \(result.weeks) on the same simulated persons with the same luck. Negative is better. Whiskers: 95% Monte Carlo intervals. Dashed: the between-group importance threshold (Hayden 2021)."),
                .chart(differences(result, reference: reference, outcome: .pain), caption: nil),
                .chart(differences(result, reference: reference, outcome: .disability), caption: nil),
                .table(comparisonTable(result, reference: reference, weeks: shown.filter { $0 > 0 })),
            ]))
        } else {
            document.append(.init("Compared with a reference", anchor: "comparisons", blocks: [
                .paragraph("One policy only: nothing to compare."),
                .chart(differences(result, reference: result.policies[0].label, outcome: .pain), caption: nil),
                .chart(differences(result, reference: result.policies[0].label, outcome: .disability), caption: nil),
            ]))
        }

        let warnings = RankingWarning.warnings(result)
        if !warnings.isEmpty {
            document.append(.init("Not resolved by this run", anchor: "warnings", blocks: warnings.map { .note($0.description) }))
        }
        document.append(.init("About these figures", anchor: "about", blocks: [
            .note("Intervals are Monte Carlo intervals of the simulated means: they shrink with more simulated persons and say nothing about the spread of people. No p-values are shown: with an arbitrary number of simulated persons they would only measure the size of the run."),
            .note("Model, parameters and sources: docs/model.md; common random numbers: docs/randomness.md."),
        ]))
        return document.render()
    }

    static func trajectory(_ result: SimulationResult, metric: Metric, id: String, title: String, axis: ChartAxis) -> LineChart {
        LineChart(
            id: id, title: title, subtitle: "Mean per week, by policy", yAxis: axis,
            series: result.policies.enumerated().map { index, policy in
                ChartSeries(policy.label, points: (0...result.weeks).map { week in
                    let s = policy.summary(metric, week: week)
                    return ChartPoint(x: Double(week), y: s.mean, low: s.ciLow, high: s.ciHigh)
                }, style: index)
            })
    }

    static func retention(_ result: SimulationResult) -> StepChart {
        StepChart(
            id: "retention", title: "Retention", subtitle: "Kaplan-Meier, people reaching the horizon censored",
            yAxis: ChartAxis("Still in the programme", unit: "%", range: 0...100),
            series: result.policies.enumerated().map { index, policy in
                let curve = Survival.retention(policy)
                return ChartSeries(policy.label, points: (0...result.weeks).map { week in
                    let s = SurvivalMetric.retentionKM.summary(curve, week: week)
                    return ChartPoint(x: Double(week), y: s.mean.map { $0 * 100 }, low: s.ciLow.map { $0 * 100 }, high: s.ciHigh.map { $0 * 100 })
                }, style: index)
            },
            extendTo: Double(result.weeks))
    }

    static func differences(_ result: SimulationResult, reference: String, outcome: ComparisonMetric) -> DotWhiskerChart {
        let rows = ComparisonRow.rows(result, reference: reference).filter { $0.week == result.weeks && $0.outcome == outcome }
        let others = result.policies.filter { $0.label != reference }.map(\.label)
        let estimates = others.map { label -> ChartEstimate in
            guard let d = rows.first(where: { $0.policy == label })?.difference else { return ChartEstimate(nil) }
            return ChartEstimate(d.mean, low: d.interval?.low, high: d.interval?.high)
        }
        let name = outcome == .pain ? "Pain" : "Disability"
        return DotWhiskerChart(
            id: "\(outcome.rawValue)-differences", title: "\(name): difference from \(reference) at week \(result.weeks)",
            subtitle: "Mean paired difference, 95% Monte Carlo interval",
            valueAxis: ChartAxis("Difference", unit: outcome.unit),
            categories: others,
            series: [CategorySeries("policy − \(reference)", estimates: estimates)],
            referenceLines: [
                ReferenceLine(0, label: "no difference", emphasis: .strong),
                ReferenceLine(-outcome.importanceThreshold, label: "importance threshold (−\(NumberText.shortest(outcome.importanceThreshold)))"),
            ])
    }

    static func outcomeTable(_ result: SimulationResult, weeks: [Int]) -> HTMLTable {
        var table = HTMLTable(caption: "Outcomes by policy (means; pain and disability with 95% Monte Carlo intervals)", columns: [
            .init("Policy"), .init("Week", alignment: .numeric), .init("Pain (NRS)", alignment: .numeric),
            .init("Disability", alignment: .numeric), .init("Responders ≥30%", alignment: .numeric),
            .init("Adherence", alignment: .numeric), .init("Retention", alignment: .numeric),
            .init("Flare-ups/person", alignment: .numeric), .init("Load (AU/week)", alignment: .numeric),
        ])
        func value(_ s: Summary, digits: Int, interval: Bool = false, percent: Bool = false) -> String {
            guard let mean = s.mean else { return "–" }
            let k = percent ? 100.0 : 1
            var text = NumberText.fixed(mean * k, digits: digits) + (percent ? "%" : "")
            if interval, let low = s.ciLow, let high = s.ciHigh {
                text += " (\(NumberText.fixed(low, digits: digits))–\(NumberText.fixed(high, digits: digits)))"
            }
            return text
        }
        for policy in result.policies {
            for week in weeks {
                table.append([
                    policy.label, String(week),
                    value(policy.summary(.pain, week: week), digits: 2, interval: true),
                    value(policy.summary(.disability, week: week), digits: 1, interval: true),
                    value(policy.summary(.responder30, week: week), digits: 1, percent: true),
                    value(policy.summary(.adherence, week: week), digits: 1, percent: true),
                    value(policy.summary(.retention, week: week), digits: 1, percent: true),
                    value(policy.summary(.flareUps, week: week), digits: 2),
                    value(policy.summary(.load, week: week), digits: 0),
                ])
            }
        }
        return table
    }

    static func survivalTable(_ result: SimulationResult) -> HTMLTable {
        var table = HTMLTable(caption: "Kaplan-Meier summaries", columns: [
            .init("Policy"), .init("Retained at week \(result.weeks)", alignment: .numeric),
            .init("Median weeks to ≥30% response (95% CI)", alignment: .numeric),
        ])
        for policy in result.policies {
            let retention = SurvivalMetric.retentionKM.summary(Survival.retention(policy), week: result.weeks)
            let response = Survival.timeToResponse(policy)
            let median = response?.median.map(String.init) ?? "not reached"
            let ci = response.map { " (\($0.medianInterval.low.map(String.init) ?? "–")–\($0.medianInterval.high.map(String.init) ?? "not reached"))" } ?? ""
            table.append([policy.label, retention.mean.map { NumberText.fixed($0 * 100, digits: 1) + "%" } ?? "–", median + ci])
        }
        return table
    }

    static func comparisonTable(_ result: SimulationResult, reference: String, weeks: [Int]) -> HTMLTable {
        var table = HTMLTable(caption: "Paired differences from \(reference) (policy − \(reference))", columns: [
            .init("Policy"), .init("Week", alignment: .numeric), .init("Outcome"), .init("Difference", alignment: .numeric),
            .init("95% MC interval", alignment: .numeric), .init("MC s.e.", alignment: .numeric),
            .init("SMD", alignment: .numeric), .init("Passes threshold"),
        ])
        for row in ComparisonRow.rows(result, reference: reference) where weeks.contains(row.week) {
            guard let d = row.difference else { continue }
            table.append([
                row.policy, String(row.week), row.outcome.rawValue, NumberText.signed(d.mean, digits: 2),
                d.interval.map { NumberText.interval($0) } ?? "–",
                d.standardError.map { NumberText.fixed($0, digits: 3) } ?? "–",
                d.standardisedEffect.map { NumberText.signed($0, digits: 2) } ?? "–",
                row.passesThreshold.map { $0 ? "yes" : "no" } ?? "–",
            ])
        }
        return table
    }
}
