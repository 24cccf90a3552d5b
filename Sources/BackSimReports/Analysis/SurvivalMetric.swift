import BackSimCore
import Stochastics

/// The Kaplan-Meier curves reported per week beside the metrics.
public enum SurvivalMetric: String, CaseIterable, Sendable {
    /// Share still in the programme, Kaplan-Meier with a Greenwood log-log interval.
    case retentionKM = "retention_km"
    /// Share who have responded (≥30% less pain) at least once by this week:
    /// 1 − Kaplan-Meier of time to first response.
    case respondedKM = "responded_30_km"

    /// This metric's Kaplan-Meier curve for `outcome`; nil without persons.
    public func curve(_ outcome: PolicyOutcome) -> KaplanMeier? {
        self == .retentionKM ? Survival.retention(outcome) : Survival.timeToResponse(outcome)
    }

    /// As a summary: `mean` is the estimate, the interval its 95% interval,
    /// `n` the number at risk; week 0 is 1 (retention) or 0 (responded).
    public func summary(_ curve: KaplanMeier?, week: Int) -> Summary {
        guard let curve else { return .empty }
        let start = curve.steps.first?.atRisk ?? 0
        guard week > 0, let step = curve.step(at: week) else {
            let value: Double = self == .retentionKM ? 1 : 0
            return Summary(n: start, mean: value, sd: nil, ciLow: value, ciHigh: value, p25: nil, p50: nil, p75: nil)
        }
        var summary = Summary(
            n: step.atRisk, mean: step.survival, sd: nil, ciLow: step.interval.low, ciHigh: step.interval.high,
            p25: nil, p50: nil, p75: nil)
        summary.mcse = step.standardError
        if self == .respondedKM {
            summary.mean = 1 - step.survival
            summary.ciLow = 1 - step.interval.high
            summary.ciHigh = 1 - step.interval.low
        }
        return summary
    }
}
