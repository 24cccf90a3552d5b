import BackSimCore
import Stochastics

/// The terminal report: a few key weeks per policy, for reading rather than
/// for further processing (use CSV or JSON for that).
///
/// Shows, per policy and week: mean pain with its 95% confidence interval,
/// the change in mean pain from week 0, mean disability, adherence and
/// retention as percentages, and flare-ups per person so far. Undefined values print as `–`. Plain text, no colour.
public enum TableRenderer {
    /// The weeks shown for a horizon: 0, 6, 12, 26 and the last week, those
    /// within the horizon, ascending, without repeats.
    public static func reportedWeeks(horizon: Int) -> [Int] {
        Array(Set([0, 6, 12, 26, horizon].filter { $0 >= 0 && $0 <= horizon })).sorted()
    }

    /// The weeks a report shows: `weeks` (a scenario's `report.weeks`)
    /// within the horizon, ascending, without repeats; by default
    /// ``reportedWeeks(horizon:)``.
    static func shownWeeks(_ weeks: [Int]?, horizon: Int) -> [Int] {
        weeks.map { Array(Set($0.filter { $0 >= 0 && $0 <= horizon })).sorted() } ?? reportedWeeks(horizon: horizon)
    }

    static let missing = "–"

    /// The terminal table of a run (`--format table`).
    ///
    /// - Parameters:
    ///   - result: the run.
    ///   - weeks: the weeks to show (a scenario's `report.weeks`); by
    ///     default ``reportedWeeks(horizon:)``. Weeks beyond the horizon are dropped.
    ///   - reference: the policy the paired comparisons are against; nil: none shown.
    ///   - outcomes: the outcomes compared (and, by subgroup, summarised); by
    ///     default ``ComparisonMetric/shortList``.
    public static func render(
        _ result: SimulationResult, weeks: [Int]? = nil, reference: String? = nil, outcomes: [ComparisonMetric]? = nil
    ) -> String {
        let shown = shownWeeks(weeks, horizon: result.weeks)
        let outcomes = outcomes ?? ComparisonMetric.shortList
        let replications = result.replications == 1 ? "1 replication" : "\(result.replications) replications"
        var lines = [
            "BackSim: cohort \(result.cohort), \(result.persons) persons × \(replications), "
                + "\(result.weeks) weeks, seed \(result.seed)",
            "",
        ]
        if let screened = result.screened, let mean = result.screeningReports?.mean {
            // Enrolment criteria: how many were screened, and where the enrolled started.
            lines.insert(
                "Enrolment: \(screened) screened to enrol \(result.persons * result.replications); "
                    + "mean screening report \(String(format: "%.2f", mean)) (NRS 0-10)", at: 1)
        }

        let tables = result.policies.map { table(for: $0, weeks: shown) }
        // One set of widths for all policies, so that their columns line up.
        let widths = tables.map(\.widths).reduce(into: [Int]()) { widest, widths in
            widest = widest.isEmpty ? widths : zip(widest, widths).map(max)
        }
        for (policy, table) in zip(result.policies, tables) {
            lines.append(policy.label)
            lines += table.lines(widths: widths, indent: "  ")
            lines.append("")
        }
        if let reference, result.policies.contains(where: { $0.label == reference }), result.policies.count > 1 {
            lines.append("Compared with \(reference) (paired: same persons, same luck; difference = policy − \(reference))")
            lines += comparisons(
                ComparisonRow.rows(result, reference: reference, outcomes: outcomes), policies: result.policies,
                reference: reference, weeks: shown.filter { $0 > 0 }, outcomes: outcomes)
        }
        if result.grouping != .none {
            lines += subgroups(result, reference: reference, weeks: shown, outcomes: outcomes)
        }
        lines += survival(result)
        let warnings = RankingWarning.warnings(result)
        if !warnings.isEmpty {
            lines.append("Within Monte Carlo error at week \(result.weeks) (rankings not resolved by this run):")
            lines += warnings.map { "  " + $0.description }
            lines.append("")
        }
        lines += [
            "Pain: weekly report, mean over simulated persons; CI: 95% confidence interval of that mean.",
            "Change: mean pain minus mean pain at week 0 (negative = less pain).",
            "Disability: Oswestry-like score, mean. Flare-ups: per person since baseline.",
            "Paired differences: mean over persons of (policy − reference); yes/no outcomes as risk differences in",
            "percentage points (pp) with Newcombe's paired interval; MC interval: Monte Carlo 95% interval;",
            "SMD: difference over the pooled between-person SD; RR: risk ratio; Discordant: persons whose yes/no differs.",
            ComparisonText.thresholdNote,
            "Adherence: share of prescribed sessions done; retention: share still in the programme.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Paired differences from the reference at `weeks`, one row per policy, week and outcome.
    static func comparisons(
        _ rows: [ComparisonRow], policies: [PolicyOutcome], reference: String, weeks: [Int], outcomes: [ComparisonMetric],
        indent: String = "  "
    ) -> [String] {
        var table = TextTable(
            [.init(title: "Policy", alignment: .left), .init(title: "Week", alignment: .right),
             .init(title: "Outcome", alignment: .left)]
                + ComparisonText.titles.enumerated().map { .init(title: $1, alignment: $0 == 1 ? .left : .right) })
        for policy in policies where policy.label != reference {
            for week in weeks {
                for outcome in outcomes {
                    let row = rows.first { $0.policy == policy.label && $0.week == week && $0.outcome == outcome }
                    table.append([policy.label, String(week), outcome.name] + ComparisonText.cells(row))
                }
            }
        }
        return table.lines(widths: table.widths, indent: indent) + [""]
    }

    /// Every subgroup: the outcomes' means per policy and the paired comparisons.
    private static func subgroups(
        _ result: SimulationResult, reference: String?, weeks: [Int], outcomes: [ComparisonMetric]
    ) -> [String] {
        var lines: [String] = []
        for group in result.groups {
            let persons = group.policies.first?.series(.pain)?.weeks.first?.count ?? 0
            lines.append("By \(result.grouping.rawValue): \(group.name) (\(persons) persons)")
            guard persons > 0 else { lines.append(""); continue }
            var table = TextTable(
                [.init(title: "Policy", alignment: .left), .init(title: "Week", alignment: .right)]
                    + outcomes.map { .init(title: ComparisonText.title($0.metric), alignment: .right) })
            for policy in group.policies {
                for week in weeks {
                    table.append([policy.label, String(week)]
                        + outcomes.map { ComparisonText.mean(policy.summary($0.metric, week: week), $0.metric) })
                }
            }
            lines += table.lines(widths: table.widths, indent: "  ") + [""]
            if let reference, group.policies.count > 1, group.policies.contains(where: { $0.label == reference }) {
                lines.append("  Compared with \(reference) within \(group.name)")
                lines += comparisons(
                    ComparisonRow.rows(group, weeks: result.weeks, reference: reference, outcomes: outcomes),
                    policies: group.policies, reference: reference, weeks: weeks.filter { $0 > 0 }, outcomes: outcomes,
                    indent: "  ")
            }
        }
        return lines
    }

    /// Kaplan-Meier medians of time to first ≥30% response.
    private static func survival(_ result: SimulationResult) -> [String] {
        var table = TextTable([
            .init(title: "Policy", alignment: .left),
            .init(title: "Median weeks to ≥30% response (95% CI)", alignment: .right),
            .init(title: "Retained at week \(result.weeks) (KM, %)", alignment: .right),
        ])
        for policy in result.policies {
            let retention = SurvivalMetric.retentionKM.summary(Survival.retention(policy), week: result.weeks)
            table.append([
                policy.label, ComparisonText.median(Survival.timeToResponse(policy), horizon: result.weeks),
                retention.mean.map { NumberText.fixed($0 * 100, digits: 1) + " (" + interval(retention.ciLow.map { $0 * 100 }, retention.ciHigh.map { $0 * 100 }) + ")" } ?? missing,
            ])
        }
        return table.lines(widths: table.widths, indent: "  ") + [""]
    }

    private static func table(for policy: PolicyOutcome, weeks: [Int]) -> TextTable {
        var table = TextTable([
            .init(title: "Week", alignment: .right),
            .init(title: "Pain (NRS 0-10)", alignment: .right),
            .init(title: "95% CI", alignment: .left),
            .init(title: "Change (NRS)", alignment: .right),
            .init(title: "Disability (0-100)", alignment: .right),
            .init(title: "Adherence (%)", alignment: .right),
            .init(title: "Retention (%)", alignment: .right),
            .init(title: "Flare-ups/person", alignment: .right),
        ])
        let baseline = policy.summary(.pain, week: 0).mean
        for week in weeks {
            let pain = policy.summary(.pain, week: week)
            let change = pain.mean.flatMap { mean in baseline.map { mean - $0 } }
            table.append([
                String(week),
                text(pain.mean, digits: 2),
                interval(pain.ciLow, pain.ciHigh),
                week == 0 ? text(change, digits: 2) : change.map { NumberText.signed($0, digits: 2) } ?? missing,
                text(policy.summary(.disability, week: week).mean, digits: 1),
                text(policy.summary(.adherence, week: week).mean.map { $0 * 100 }, digits: 1),
                text(policy.summary(.retention, week: week).mean.map { $0 * 100 }, digits: 1),
                text(policy.summary(.flareUps, week: week).mean, digits: 2),
            ])
        }
        return table
    }

    private static func text(_ value: Double?, digits: Int) -> String {
        value.map { NumberText.fixed($0, digits: digits) } ?? missing
    }

    private static func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return missing }
        return NumberText.interval(ConfidenceInterval(low: low, high: high))
    }

}
