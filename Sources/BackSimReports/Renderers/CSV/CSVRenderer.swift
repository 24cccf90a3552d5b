import BackSimCore
import Foundation

/// Tidy long CSV: one row per policy × week × metric × statistic.
///
/// Contract (the output format other tools rely on):
/// - header `policy,week,metric,stat,value`; with subgroups (`--by`),
///   `policy,group,week,metric,stat,value`, group `all` first, then each
///   subgroup in cohort order;
/// - rows by policy in the result's order, then week ascending from 0, then
///   metric in `Metric.all` order followed by the Kaplan-Meier curves
///   (``SurvivalMetric``), then statistic in ``Summary/stats`` order;
/// - values in shortest round-trip form (`5`, `0.1`), an empty field when the
///   statistic is undefined, `n` always present (`0` with no observations);
/// - lines end with `\n`, including the last.
public enum CSVRenderer {
    /// Columns of the tidy long CSV.
    public static let header = ["policy", "week", "metric", "stat", "value"]
    /// Columns when outcomes are split into groups (`--by`).
    public static let groupedHeader = ["policy", "group", "week", "metric", "stat", "value"]

    /// Every policy × week × metric × statistic, one row each.
    public static func render(_ result: SimulationResult) -> String {
        let grouped = result.grouping != .none
        var text = (grouped ? groupedHeader : header).joined(separator: ",") + "\n"
        let sets = [("all", result.policies)] + result.groups.map { ($0.name, $0.policies) }
        for policyIndex in result.policies.indices {
            for (group, policies) in sets {
                let policy = policies[policyIndex]
                let prefix = field(policy.label) + (grouped ? "," + field(group) : "")
                append(policy, weeks: result.weeks, prefix: prefix, to: &text)
            }
        }
        return text
    }

    private static func append(_ policy: PolicyOutcome, weeks: Int, prefix label: String, to text: inout String) {
        let curves = SurvivalMetric.allCases.map { ($0, $0.curve(policy)) }
        for week in 0...weeks {
            for metric in Metric.all {
                row(label, week, metric.name, policy.summary(metric, week: week), to: &text)
            }
            for (metric, curve) in curves {
                row(label, week, metric.rawValue, metric.summary(curve, week: week), to: &text)
            }
        }
    }

    private static func row(_ label: String, _ week: Int, _ metric: String, _ summary: Summary, to text: inout String) {
        let prefix = "\(label),\(week),\(field(metric)),"
        for stat in Summary.stats {
            text += prefix + stat.name + "," + (summary[stat].map(NumberText.shortest) ?? "") + "\n"
        }
    }

    /// RFC 4180 quoting, needed only if a label ever contains `,`, `"` or a newline.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Comparisons CSV (`--comparisons FILE`): one row per policy × reference ×
/// week × outcome × statistic, header exactly
/// `policy,reference,week,metric,stat,value`; with subgroups (`--by`),
/// `policy,group,reference,week,metric,stat,value`, group `all` first, then
/// each subgroup in cohort order. Rows by policy (result order), group,
/// week, outcome (``ComparisonMetric/all``), then statistic:
/// ``ComparisonRow/quantityStats`` for quantities and
/// ``ComparisonRow/yesNoStats`` for yes/no outcomes (the difference is
/// policy minus reference).
public enum ComparisonsCSVRenderer {
    /// Columns of the comparisons CSV.
    public static let header = ["policy", "reference", "week", "metric", "stat", "value"]
    /// Columns when comparisons are split into groups (`--by`).
    public static let groupedHeader = ["policy", "group", "reference", "week", "metric", "stat", "value"]

    /// Every policy but `reference` × week × outcome × statistic, one row each.
    public static func render(_ result: SimulationResult, reference: String) -> String {
        let grouped = result.grouping != .none
        var text = (grouped ? groupedHeader : header).joined(separator: ",") + "\n"
        let sets = [("all", ComparisonRow.rows(result, reference: reference))]
            + result.groups.map { ($0.name, ComparisonRow.rows($0, weeks: result.weeks, reference: reference)) }
        for policy in result.policies where policy.label != reference {
            for (group, rows) in sets {
                let prefix = CSVRenderer.field(policy.label) + (grouped ? "," + CSVRenderer.field(group) : "")
                    + "," + CSVRenderer.field(reference) + ","
                for row in rows where row.policy == policy.label {
                    let line = prefix + "\(row.week),\(CSVRenderer.field(row.outcome.name)),"
                    for stat in row.stats {
                        text += line + stat + "," + (row.value(stat).map(NumberText.shortest) ?? "") + "\n"
                    }
                }
            }
        }
        return text
    }
}
