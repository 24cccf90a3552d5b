import BackSimCore

/// A Markdown report: the run, per-policy outcomes at the shown weeks, the
/// paired comparisons with the reference, survival, and the Monte Carlo
/// warnings. For pasting into a report, a wiki or a pull request.
public enum MarkdownRenderer {
    /// The Markdown report of a run (`--format markdown`).
    public static func render(
        _ result: SimulationResult, provenance: Provenance? = nil, weeks: [Int]? = nil, reference: String? = nil,
        outcomes: [ComparisonMetric]? = nil
    ) -> String {
        let shown = TableRenderer.shownWeeks(weeks, horizon: result.weeks)
        let outcomes = outcomes ?? ComparisonMetric.shortList
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
        lines += outcomeTable(result.policies, weeks: shown, outcomes: outcomes)
        lines += ["", "Means over simulated persons (shares as percentages). CSV and JSON hold every outcome with its 95% interval of the mean (Monte Carlo uncertainty, not the spread of people).", ""]

        if let reference, result.policies.count > 1 {
            lines += ["## Compared with \(reference)", ""]
            lines.append("Paired per-person differences (policy − \(reference)) on the same simulated persons with the same luck. "
                + "Yes/no outcomes as risk differences in percentage points (pp) with Newcombe's interval for paired proportions. "
                + "SMD: difference over the pooled between-person SD; RR: risk ratio. " + ComparisonText.thresholdNote)
            lines.append("")
            lines += comparisonTable(ComparisonRow.rows(result, reference: reference, outcomes: outcomes), weeks: shown.filter { $0 > 0 })
            lines.append("")
        }

        if result.grouping != .none {
            for group in result.groups {
                let persons = group.policies.first?.series(.pain)?.weeks.first?.count ?? 0
                lines += ["## By \(result.grouping.rawValue): \(group.name) (\(persons) persons)", ""]
                guard persons > 0 else { continue }
                lines += outcomeTable(group.policies, weeks: shown, outcomes: outcomes)
                lines.append("")
                if let reference, group.policies.count > 1 {
                    lines += ["Compared with \(reference) within \(group.name):", ""]
                    lines += comparisonTable(
                        ComparisonRow.rows(group, weeks: result.weeks, reference: reference, outcomes: outcomes),
                        weeks: shown.filter { $0 > 0 })
                    lines.append("")
                }
            }
        }

        lines += ["## Retention and time to response", ""]
        lines.append("| policy | retained at week \(result.weeks) (Kaplan-Meier) | median weeks to ≥30% response (95% CI) |")
        lines.append("|---|---|---|")
        for policy in result.policies {
            let retention = SurvivalMetric.retentionKM.summary(Survival.retention(policy), week: result.weeks)
            var retained = ComparisonText.missing
            if let mean = retention.mean {
                retained = NumberText.fixed(mean * 100, digits: 1) + "%"
                if let low = retention.ciLow, let high = retention.ciHigh {
                    retained += " (\(NumberText.fixed(low * 100, digits: 1)) to \(NumberText.fixed(high * 100, digits: 1))%)"
                }
            }
            let median = ComparisonText.median(Survival.timeToResponse(policy), horizon: result.weeks)
            lines.append("| \(policy.label) | \(retained) | \(median) |")
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

    private static func outcomeTable(_ policies: [PolicyOutcome], weeks: [Int], outcomes: [ComparisonMetric]) -> [String] {
        var lines = ["| policy | week | " + outcomes.map { ComparisonText.title($0.metric) }.joined(separator: " | ") + " |"]
        lines.append("|---|---:|" + outcomes.map { _ in "---:" }.joined(separator: "|") + "|")
        for policy in policies {
            for week in weeks {
                let cells = outcomes.map { ComparisonText.mean(policy.summary($0.metric, week: week), $0.metric) }
                lines.append("| \(policy.label) | \(week) | " + cells.joined(separator: " | ") + " |")
            }
        }
        return lines
    }

    private static func comparisonTable(_ rows: [ComparisonRow], weeks: [Int]) -> [String] {
        var lines = ["| policy | week | outcome | " + ComparisonText.titles.joined(separator: " | ") + " |"]
        lines.append("|---|---:|---|---:|---|---:|---:|---:|---|")
        for row in rows where weeks.contains(row.week) {
            lines.append("| \(row.policy) | \(row.week) | \(row.outcome.name) | " + ComparisonText.cells(row).joined(separator: " | ") + " |")
        }
        return lines
    }
}
