import BackSimCore
import Stochastics

/// How outcomes and paired comparisons are spelled in the table, Markdown
/// and HTML reports (one place, so the three agree).
enum ComparisonText {
    static let missing = "–"

    /// Column titles of ``cells(_:)``.
    static let titles = ["Difference", "95% MC interval", "MC s.e.", "SMD / RR", "Discordant", "Important"]

    /// An outcome's name as a report shows it, with the unit of its values.
    static func title(_ metric: Metric) -> String {
        let unit = isPercent(metric) ? "%" : metric.unit
        return "\(metric.name) (\(unit))"
    }

    /// Shares (yes/no outcomes and adherence) are shown as percentages.
    static func isPercent(_ metric: Metric) -> Bool { metric.isProportion || metric == .adherence }

    /// A mean in the report's unit (percent for shares).
    static func mean(_ summary: Summary, _ metric: Metric) -> String {
        guard let mean = summary.mean else { return missing }
        if isPercent(metric) { return NumberText.fixed(mean * 100, digits: 1) }
        return NumberText.fixed(mean, digits: metric == .pain || metric == .flareUps || metric == .referrals ? 2 : 1)
    }

    /// Difference, interval, MC s.e., SMD or risk ratio, discordant persons
    /// and whether the difference passes the published threshold ("–" where
    /// none exists). Yes/no differences are in percentage points.
    static func cells(_ row: ComparisonRow?) -> [String] {
        guard let row, let estimate = row.estimate else { return Array(repeating: missing, count: titles.count) }
        let k = row.outcome.isYesNo || row.outcome.metric == .adherence ? 100.0 : 1
        let digits = k == 100 ? 1 : 2
        let unit = k == 100 ? " pp" : ""
        let interval = row.interval.map {
            "\(NumberText.fixed($0.low * k, digits: digits)) to \(NumberText.fixed($0.high * k, digits: digits))"
        } ?? missing
        let effect: String
        if let proportion = row.proportion {
            effect = proportion.riskRatio.map { "RR " + NumberText.fixed($0, digits: 2) } ?? missing
        } else {
            effect = row.difference?.standardisedEffect.map { "SMD " + NumberText.signed($0, digits: 2) } ?? missing
        }
        return [
            NumberText.signed(estimate * k, digits: digits) + unit,
            interval,
            row.standardError.map { NumberText.fixed($0 * k, digits: 3) } ?? missing,
            effect,
            row.proportion.map { String($0.discordant) } ?? missing,
            row.passesThreshold.map { $0 ? "yes" : "no" } ?? missing,
        ]
    }

    /// What the "Important" column means, for a footnote.
    static let thresholdNote = "Important: the difference is a benefit at least as large as a published between-group threshold "
        + "(Hayden 2021: 1.5 NRS points for pain, 10 points for disability; docs/evidence.md); – where none is published."

    /// Kaplan-Meier median week to first ≥30% response and its interval,
    /// e.g. `4 (4 to 5)`, `4 (from 4; upper limit not reached)` or
    /// `not reached by week 26`.
    static func median(_ curve: KaplanMeier?, horizon: Int) -> String {
        guard let curve, let median = curve.median else { return "not reached by week \(horizon)" }
        switch (curve.medianInterval.low, curve.medianInterval.high) {
        case let (low?, high?): return "\(median) (\(low) to \(high))"
        case let (low?, nil): return "\(median) (from \(low); upper limit not reached)"
        default: return "\(median)"
        }
    }
}
