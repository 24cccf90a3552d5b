import BackSimCore

/// A Markdown report: the run, per-policy outcomes at the shown weeks, the
/// paired comparisons with the reference, survival, and the Monte Carlo
/// warnings. For pasting into a report, a wiki or a pull request.
public enum MarkdownRenderer {
    /// The Markdown report of a run (`--format markdown`).
    public static func render(
        _ result: SimulationResult, provenance: Provenance? = nil, weeks: [Int]? = nil, reference: String? = nil
    ) -> String {
        let shown = TableRenderer.shownWeeks(weeks, horizon: result.weeks)
        var lines = ["# BackSim: \(provenance?.scenario ?? result.cohort)", ""]
        lines.append("\(result.persons) persons × \(result.replications) replication\(result.replications == 1 ? "" : "s"), "
            + "\(result.weeks) weeks, seed \(result.seed), BackSim \(ToolInfo.version)"
            + (provenance.map { "; scenario `\($0.origin)` (content hash `\($0.contentHash)`)" } ?? "") + ".")
        if let parameters = provenance?.parameters, !parameters.isEmpty {
            lines.append("Model parameters set by the scenario: "
                + parameters.keys.sorted().map { "`\($0)` = \(NumberText.shortest(parameters[$0]!))" }.joined(separator: ", ") + ".")
        }
        lines.append("")

        lines += ["## Outcomes by policy", ""]
        let metrics: [Metric] = [.pain, .disability, .responder30, .adherence, .retention, .flareUps, .load]
        lines.append("| policy | week | " + metrics.map { "\($0.name) (\($0.unit))" }.joined(separator: " | ") + " |")
        lines.append("|---|---:|" + metrics.map { _ in "---:" }.joined(separator: "|") + "|")
        for policy in result.policies {
            for week in shown {
                let cells = metrics.map { metric -> String in
                    let summary = policy.summary(metric, week: week)
                    guard let mean = summary.mean else { return "–" }
                    let scale = metric.isProportion || metric == .adherence ? 100.0 : 1
                    let suffix = scale == 100 ? "%" : ""
                    var text = NumberText.fixed(mean * scale, digits: scale == 100 ? 1 : 2) + suffix
                    if let low = summary.ciLow, let high = summary.ciHigh, metric == .pain || metric == .disability {
                        text += " (\(NumberText.fixed(low, digits: 2))–\(NumberText.fixed(high, digits: 2)))"
                    }
                    return text
                }
                lines.append("| \(policy.label) | \(week) | " + cells.joined(separator: " | ") + " |")
            }
        }
        lines += ["", "Means over simulated persons with 95% confidence intervals of the mean (Monte Carlo uncertainty, not the spread of people); proportions as percentages.", ""]

        if let reference, result.policies.count > 1 {
            lines += ["## Compared with \(reference)", ""]
            lines.append("Paired per-person differences (policy − \(reference)) on the same simulated persons with the same luck. Negative is better. SMD: difference over the pooled between-person SD. Importance thresholds: 1.5 NRS points for pain, 10 points for disability (Hayden 2021).")
            lines.append("")
            lines.append("| policy | week | outcome | difference | 95% MC interval | MC s.e. | SMD | passes threshold |")
            lines.append("|---|---:|---|---:|---|---:|---:|---|")
            for row in ComparisonRow.rows(result, reference: reference) where shown.contains(row.week) && row.week > 0 {
                guard let d = row.difference else { continue }
                let interval = d.interval.map { NumberText.interval($0) } ?? "–"
                lines.append("| \(row.policy) | \(row.week) | \(row.outcome.rawValue) | \(NumberText.signed(d.mean, digits: 2)) | \(interval) | "
                    + "\(d.standardError.map { NumberText.fixed($0, digits: 3) } ?? "–") | "
                    + "\(d.standardisedEffect.map { NumberText.signed($0, digits: 2) } ?? "–") | "
                    + "\(row.passesThreshold.map { $0 ? "yes" : "no" } ?? "–") |")
            }
            lines.append("")
        }

        if let reference, result.grouping != .none, result.policies.count > 1 {
            lines += ["## By \(result.grouping.rawValue), compared with \(reference) at week \(result.weeks)", ""]
            lines.append("| \(result.grouping.rawValue) | persons | policy | pain difference (95% MC) | disability difference (95% MC) |")
            lines.append("|---|---:|---|---|---|")
            for group in result.groups {
                let persons = group.policies.first?.series(.pain)?.weeks.first?.count ?? 0
                guard persons > 0 else { continue }
                let rows = ComparisonRow.rows(group, weeks: result.weeks, reference: reference).filter { $0.week == result.weeks }
                for policy in group.policies where policy.label != reference {
                    func cell(_ outcome: ComparisonMetric) -> String {
                        guard let d = rows.first(where: { $0.policy == policy.label && $0.outcome == outcome })?.difference else { return "–" }
                        let interval = d.interval.map { " (" + NumberText.interval($0) + ")" } ?? ""
                        return NumberText.signed(d.mean, digits: 2) + interval
                    }
                    lines.append("| \(group.name) | \(persons) | \(policy.label) | \(cell(.pain)) | \(cell(.disability)) |")
                }
            }
            lines.append("")
        }

        lines += ["## Retention and time to response", ""]
        lines.append("| policy | retained at week \(result.weeks) (Kaplan-Meier) | median weeks to ≥30% response (95% CI) |")
        lines.append("|---|---|---|")
        for policy in result.policies {
            let retention = SurvivalMetric.retentionKM.summary(Survival.retention(policy), week: result.weeks)
            let response = Survival.timeToResponse(policy)
            let retained = retention.mean.map { mean in
                NumberText.fixed(mean * 100, digits: 1) + "%"
                    + (retention.ciLow.flatMap { low in retention.ciHigh.map { " (\(NumberText.fixed(low * 100, digits: 1))–\(NumberText.fixed($0 * 100, digits: 1))%)" } } ?? "")
            } ?? "–"
            let median = response?.median.map { "\($0)" } ?? "not reached"
            let ci = response.map { " (\($0.medianInterval.low.map(String.init) ?? "–")–\($0.medianInterval.high.map(String.init) ?? "not reached"))" } ?? ""
            lines.append("| \(policy.label) | \(retained) | \(median)\(ci) |")
        }
        lines.append("")

        let warnings = RankingWarning.warnings(result)
        if !warnings.isEmpty {
            lines += ["## Not resolved by this run", ""]
            lines += warnings.map { "- " + $0.description }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
