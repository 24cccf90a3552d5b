import BackSimCore
import Stochastics

/// The self-contained HTML report: the run, SVG charts and the tables of the
/// Markdown report. No scripts, fonts or network.
///
/// Charts: the trajectory of every shown outcome (retention as Kaplan-Meier
/// curves, only for policies with a programme), responder rates, load, each
/// shown outcome's paired difference from the reference over time with its
/// Monte Carlo band and importance threshold, and with subgroups a forest
/// plot per shown outcome. Above ``handful`` policies, trajectories and
/// differences become small multiples: one panel per policy, the reference
/// in each. Axes follow `OutcomeAxis`.
public enum HTMLReportRenderer {
    /// Up to this many policies share one chart; more get small multiples.
    public static let handful = 5

    /// The `id`s of the default report's charts without subgroups, in page
    /// order (tests look for them).
    public static let chartIDs = [
        "pain", "disability", "flare_ups", "retention", "responders", "load",
        "pain-differences", "disability-differences", "retention-differences", "flare_ups-differences",
    ]

    /// The self-contained HTML report of a run (`--format html`).
    public static func render(
        _ result: SimulationResult, provenance: Provenance? = nil, weeks: [Int]? = nil, reference: String? = nil,
        outcomes: [ComparisonMetric]? = nil
    ) -> String {
        let shown = TableRenderer.shownWeeks(weeks, horizon: result.weeks)
        let outcomes = outcomes ?? ComparisonMetric.shortList
        let charts = Charts(result: result, reference: reference, outcomes: outcomes)
        let title = "BackSim: \(provenance?.scenario ?? result.cohort)"
        let subtitle = "\(result.persons) persons × \(result.replications) replication\(result.replications == 1 ? "" : "s"), "
            + "\(result.weeks) weeks, seed \(result.seed), BackSim \(ToolInfo.version)"
            + (provenance.map { ", scenario \($0.origin) (content hash \($0.contentHash))" } ?? "")
        var document = HTMLDocument(title: title, subtitle: subtitle)

        document.append(.init("Outcomes by policy", anchor: "outcomes", blocks:
            charts.trajectories.map { .chart($0, caption: "Mean per week with its 95% Monte Carlo interval (band). " + axisCaption) }
            + [.table(outcomeTable(result.policies, weeks: shown, outcomes: outcomes,
                                   caption: "Outcomes by policy (means; shares in %)"))]))

        document.append(.init("Retention and response", anchor: "retention", blocks: [
            .chart(charts.retention, caption: "Kaplan-Meier share still in the programme, with Greenwood log-log 95% intervals; policies without a programme (e.g. control) have nothing to drop out of and are not drawn."),
            .chart(charts.responders, caption: "IMMPACT moderate (≥30%) and substantial (≥50%) benchmarks; Ostelo 2008 (≥2 NRS points)."),
            .table(survivalTable(result)),
        ]))

        document.append(.init("Load", anchor: "load", blocks: [
            .chart(charts.load, caption: "Mean weekly load done (Foster 2001 session-RPE × minutes), everyone included."),
        ]))

        if let reference, result.policies.count > 1 {
            document.append(.init("Compared with \(reference)", anchor: "comparisons", blocks:
                [.paragraph("Paired per-person differences (policy − \(reference)) at every week, on the same simulated persons with the same luck. Bands: 95% Monte Carlo intervals (Newcombe's paired interval for yes/no outcomes, shown in percentage points). Dashed: the published between-group importance threshold, where one exists (Hayden 2021; docs/evidence.md).")]
                + charts.differences.map { .chart($0, caption: nil) }
                + [.table(comparisonTable(ComparisonRow.rows(result, reference: reference, outcomes: outcomes),
                                          weeks: shown.filter { $0 > 0 }, caption: "Paired differences from \(reference) (policy − \(reference))")),
                   .note(ComparisonText.thresholdNote)]))
        }

        if result.grouping != .none {
            var blocks: [HTMLDocument.Block] = []
            if let reference {
                blocks.append(.paragraph("Each policy's paired difference from \(reference) at week \(result.weeks) within each \(result.grouping.rawValue) (forest plots; whiskers: 95% Monte Carlo intervals). Subgroups are defined by traits drawn before any policy runs, so they are the same people under every policy."))
                blocks += charts.subgroups.map { .chart($0, caption: nil) }
            }
            for group in result.groups {
                let persons = group.policies.first?.series(.pain)?.weeks.first?.count ?? 0
                guard persons > 0 else { blocks.append(.note("\(group.name): no simulated person.")); continue }
                blocks.append(.table(outcomeTable(group.policies, weeks: shown, outcomes: outcomes,
                                                  caption: "\(group.name) (\(persons) persons): outcomes by policy")))
                if let reference, group.policies.count > 1 {
                    blocks.append(.table(comparisonTable(
                        ComparisonRow.rows(group, weeks: result.weeks, reference: reference, outcomes: outcomes),
                        weeks: shown.filter { $0 > 0 }, caption: "\(group.name): paired differences from \(reference)")))
                }
            }
            document.append(.init("By \(result.grouping.rawValue)", anchor: "subgroups", blocks: blocks))
        }

        let warnings = RankingWarning.warnings(result)
        if !warnings.isEmpty {
            document.append(.init("Not resolved by this run", anchor: "warnings", blocks: warnings.map { .note($0.description) }))
        }
        document.append(.init("About these figures", anchor: "about", blocks: [
            .note("Intervals are Monte Carlo intervals of the simulated means: they shrink with more simulated persons and say nothing about the spread of people. No p-values are shown: with an arbitrary number of simulated persons they would only measure the size of the run."),
            .note(axisCaption + " Differences always show 0 and the importance threshold."),
            .note("Model, parameters and sources: docs/model.md; outcomes and statistics: docs/outcomes.md; common random numbers: docs/randomness.md."),
        ]))
        return document.render()
    }

    static let axisCaption = "Axes: bounded scales in full (pain 0-10, disability 0-100, shares 0-100%), other levels from 0."

    /// Every chart of the report, in page order (for `--charts DIR`).
    public static func charts(
        _ result: SimulationResult, reference: String?, outcomes: [ComparisonMetric]? = nil
    ) -> [any SVGChart] {
        Charts(result: result, reference: reference, outcomes: outcomes ?? ComparisonMetric.shortList).all
    }

    /// The report's charts.
    struct Charts {
        let trajectories: [any SVGChart]
        let retention: any SVGChart
        let responders: any SVGChart
        let load: any SVGChart
        let differences: [any SVGChart]
        let subgroups: [any SVGChart]

        var all: [any SVGChart] { trajectories + [retention, responders, load] + differences + subgroups }

        init(result: SimulationResult, reference: String?, outcomes: [ComparisonMetric]) {
            let reference = reference.flatMap { label in result.policies.contains { $0.label == label } ? label : nil }
            let levels = outcomes.filter { $0.metric != .retention && $0.metric != .load }
            trajectories = levels.map { trajectory(result, metric: $0.metric, reference: reference) }
            retention = HTMLReportRenderer.retention(result, reference: reference)
            responders = HTMLReportRenderer.responders(result)
            load = trajectory(result, metric: .load, reference: reference)
            if let reference, result.policies.count > 1 {
                differences = outcomes.map { HTMLReportRenderer.differences(result, reference: reference, outcome: $0) }
                subgroups = result.grouping == .none ? [] : outcomes.map {
                    HTMLReportRenderer.forest(result, reference: reference, outcome: $0)
                }
            } else {
                differences = []
                subgroups = []
            }
        }
    }

    /// Policies and their palette slots (a policy keeps its colour in every chart).
    private static func styled(_ result: SimulationResult) -> [(PolicyOutcome, Int)] {
        result.policies.enumerated().map { ($1, $0) }
    }

    static func trajectory(_ result: SimulationResult, metric: Metric, reference: String?) -> any SVGChart {
        let k = OutcomeAxis.factor(metric)
        let series = styled(result).map { policy, index in
            ChartSeries(policy.label, points: (0...result.weeks).map { week in
                let s = policy.summary(metric, week: week)
                return ChartPoint(x: Double(week), y: s.mean.map { $0 * k }, low: s.ciLow.map { $0 * k }, high: s.ciHigh.map { $0 * k })
            }, style: index)
        }
        // Means and upper bounds: a t-interval's lower bound below 0 for a
        // count that cannot be negative does not move the floor of the axis.
        let axis = OutcomeAxis.level(metric, values: series.flatMap { $0.points.flatMap { [$0.y, $0.high].compactMap { $0 } } })
        let title = "\(metric.name.replacingOccurrences(of: "_", with: " ").capitalizedFirst) by week"
        if series.count > handful, let reference, let referenceSeries = series.first(where: { $0.label == reference }) {
            return SmallMultiplesChart(
                id: metric.name, title: title, subtitle: "Mean per week: each policy against \(reference) (grey)",
                yAxis: axis, reference: referenceSeries, panels: series.filter { $0.label != reference })
        }
        return LineChart(id: metric.name, title: title, subtitle: "Mean per week, by policy", yAxis: axis, series: series)
    }

    /// Kaplan-Meier retention of the policies that prescribe a programme.
    static func retention(_ result: SimulationResult, reference: String?) -> any SVGChart {
        let withProgramme = styled(result).filter { policy, _ in
            (1...max(1, result.weeks)).contains { policy.summary(.adherence, week: $0).n > 0 }
        }
        let series = withProgramme.map { policy, index in
            let curve = Survival.retention(policy)
            return ChartSeries(policy.label, points: (0...result.weeks).map { week in
                let s = SurvivalMetric.retentionKM.summary(curve, week: week)
                return ChartPoint(x: Double(week), y: s.mean.map { $0 * 100 }, low: s.ciLow.map { $0 * 100 }, high: s.ciHigh.map { $0 * 100 })
            }, style: index)
        }
        let axis = ChartAxis("Still in the programme", unit: "%", range: 0...100)
        let subtitle = "Kaplan-Meier, people reaching the horizon censored"
        if series.count > handful {
            let anchor = reference.flatMap { label in series.first { $0.label == label } }
            return SmallMultiplesChart(
                id: "retention", title: "Retention", subtitle: subtitle + (anchor.map { "; each against \($0.label) (grey)" } ?? ""),
                yAxis: axis, reference: anchor, panels: series.filter { $0.label != anchor?.label }, joining: .steps,
                extendTo: Double(result.weeks))
        }
        return StepChart(id: "retention", title: "Retention", subtitle: subtitle, yAxis: axis, series: series, extendTo: Double(result.weeks))
    }

    static func responders(_ result: SimulationResult) -> any SVGChart {
        let definitions: [(Metric, String)] = [(.responder30, "≥30% less pain"), (.responder2pt, "≥2 points less"), (.responder50, "≥50% less pain")]
        return ProportionChart(
            id: "responders", title: "Responders at week \(result.weeks)",
            subtitle: "Share of persons with pain improved from baseline; Wilson 95% intervals",
            categoryTitle: "Definition", categories: definitions.map(\.1),
            series: styled(result).map { policy, index in
                CategorySeries(policy.label, estimates: definitions.map { metric, _ in
                    let s = policy.summary(metric, week: result.weeks)
                    return ChartEstimate(s.mean.map { $0 * 100 }, low: s.ciLow.map { $0 * 100 }, high: s.ciHigh.map { $0 * 100 })
                }, style: index)
            })
    }

    private static func referenceLines(_ outcome: ComparisonMetric) -> [ReferenceLine] {
        var lines = [ReferenceLine(0, label: "no difference", emphasis: .strong)]
        if let threshold = outcome.threshold {
            let k = OutcomeAxis.factor(outcome.metric)
            lines.append(ReferenceLine(threshold * k, label: "importance threshold (\(NumberText.shortest(threshold * k)))"))
        }
        return lines
    }

    /// The paired difference from the reference at every week, with its band.
    static func differences(_ result: SimulationResult, reference: String, outcome: ComparisonMetric) -> any SVGChart {
        let rows = ComparisonRow.rows(result, reference: reference, outcomes: [outcome])
        let k = OutcomeAxis.factor(outcome.metric)
        let series = styled(result).filter { $0.0.label != reference }.map { policy, index in
            ChartSeries(policy.label, points: (0...result.weeks).map { week in
                let row = rows.first { $0.policy == policy.label && $0.week == week }
                return ChartPoint(x: Double(week), y: row?.estimate.map { $0 * k },
                                  low: row?.interval.map { $0.low * k }, high: row?.interval.map { $0.high * k })
            }, style: index)
        }
        let axis = OutcomeAxis.difference(outcome, values: series.flatMap { $0.points.flatMap { [$0.y, $0.low, $0.high].compactMap { $0 } } })
        let title = "\(outcome.name.replacingOccurrences(of: "_", with: " ").capitalizedFirst): difference from \(reference) by week"
        let subtitle = "Mean paired difference (policy − \(reference)) with its 95% Monte Carlo band"
        if series.count > handful {
            return SmallMultiplesChart(
                id: "\(outcome.name)-differences", title: title, subtitle: subtitle, yAxis: axis,
                reference: nil, panels: series, referenceLines: referenceLines(outcome))
        }
        return LineChart(
            id: "\(outcome.name)-differences", title: title, subtitle: subtitle, yAxis: axis,
            series: series, referenceLines: referenceLines(outcome))
    }

    /// A forest plot: each policy's difference from the reference at the
    /// horizon, one row per policy, one mark per subgroup (and everyone).
    static func forest(_ result: SimulationResult, reference: String, outcome: ComparisonMetric) -> any SVGChart {
        let others = result.policies.map(\.label).filter { $0 != reference }
        let k = OutcomeAxis.factor(outcome.metric)
        func estimates(_ rows: [ComparisonRow]) -> [ChartEstimate] {
            others.map { label in
                guard let row = rows.first(where: { $0.policy == label && $0.week == result.weeks }), let estimate = row.estimate else {
                    return ChartEstimate(nil)
                }
                return ChartEstimate(estimate * k, low: row.interval.map { $0.low * k }, high: row.interval.map { $0.high * k })
            }
        }
        let everyone = CategorySeries("everyone", estimates: estimates(ComparisonRow.rows(result, reference: reference, outcomes: [outcome])), style: 0)
        let groups = result.groups.enumerated().map { index, group in
            CategorySeries(group.name, estimates: estimates(ComparisonRow.rows(group, weeks: result.weeks, reference: reference, outcomes: [outcome])), style: index + 1)
        }
        let values = ([everyone] + groups).flatMap { $0.estimates.flatMap { [$0.value, $0.low, $0.high].compactMap { $0 } } }
        return DotWhiskerChart(
            id: "subgroups-\(outcome.name)",
            title: "\(outcome.name.replacingOccurrences(of: "_", with: " ").capitalizedFirst) by \(result.grouping.rawValue): difference from \(reference) at week \(result.weeks)",
            subtitle: "Mean paired difference with its 95% Monte Carlo interval, per subgroup",
            valueAxis: OutcomeAxis.difference(outcome, values: values), categories: others, series: [everyone] + groups,
            referenceLines: referenceLines(outcome))
    }

    static func outcomeTable(_ policies: [PolicyOutcome], weeks: [Int], outcomes: [ComparisonMetric], caption: String) -> HTMLTable {
        var table = HTMLTable(caption: caption, columns: [.init("Policy"), .init("Week", alignment: .numeric)]
            + outcomes.map { .init(ComparisonText.title($0.metric), alignment: .numeric) })
        for policy in policies {
            for week in weeks {
                table.append([policy.label, String(week)] + outcomes.map { ComparisonText.mean(policy.summary($0.metric, week: week), $0.metric) })
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
            table.append([
                policy.label, retention.mean.map { NumberText.fixed($0 * 100, digits: 1) + "%" } ?? ComparisonText.missing,
                ComparisonText.median(Survival.timeToResponse(policy), horizon: result.weeks),
            ])
        }
        return table
    }

    static func comparisonTable(_ rows: [ComparisonRow], weeks: [Int], caption: String) -> HTMLTable {
        var table = HTMLTable(caption: caption, columns: [.init("Policy"), .init("Week", alignment: .numeric), .init("Outcome")]
            + ComparisonText.titles.map { .init($0, alignment: $0 == "Important" ? .left : .numeric) })
        for row in rows where weeks.contains(row.week) {
            table.append([row.policy, String(row.week), row.outcome.name] + ComparisonText.cells(row))
        }
        return table
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
