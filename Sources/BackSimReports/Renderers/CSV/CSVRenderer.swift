import Foundation
import BackSimCore

/// Tidy long CSV: one row per policy × week × metric × statistic.
///
/// Contract (the output format other tools rely on):
/// - header `policy,week,metric,stat,value`;
/// - rows by policy in the result's order, then week ascending from 0, then
///   metric in ``Metric/all`` order, then statistic in ``Summary/stats`` order;
/// - values in shortest round-trip form (`5`, `0.1`), an empty field when the
///   statistic is undefined, `n` always present (`0` with no observations);
/// - lines end with `\n`, including the last.
public enum CSVRenderer {
    public static let header = ["policy", "week", "metric", "stat", "value"]

    public static func render(_ result: SimulationResult) -> String {
        var text = header.joined(separator: ",") + "\n"
        for policy in result.policies {
            let label = field(policy.label)
            for week in 0...result.weeks {
                for metric in Metric.all {
                    let summary = policy.summary(metric, week: week)
                    let prefix = "\(label),\(week),\(field(metric.name)),"
                    for stat in Summary.stats {
                        text += prefix + stat.name + "," + (summary[stat].map(NumberText.shortest) ?? "") + "\n"
                    }
                }
            }
        }
        return text
    }

    /// RFC 4180 quoting, needed only if a label ever contains `,`, `"` or a newline.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
