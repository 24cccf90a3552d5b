import BackSimCore
import Stochastics

/// Kaplan-Meier curves from the engine's per-person event weeks: retention
/// (event = dropout) and time to first response (event = first week with
/// ≥30% less pain). People who reach the horizon without the event are
/// censored there. With everyone followed to the horizon, the retention
/// curve equals the share retained; the Greenwood interval (log-log) is the
/// point of computing it this way.
public enum Survival {
    /// Kaplan-Meier over weeks 1…W from a histogram whose value W + 1 means
    /// "no event by the horizon".
    public static func curve(_ eventWeeks: CountHistogram) -> KaplanMeier? {
        let weeks = eventWeeks.highest - 1
        guard weeks >= 1, eventWeeks.count > 0 else { return nil }
        var atRisk = eventWeeks.count
        var counts: [KaplanMeier.Count] = []
        for week in 1...weeks {
            let events = eventWeeks.count(of: week)
            let censored = week == weeks ? eventWeeks.count(of: weeks + 1) : 0
            counts.append(KaplanMeier.Count(time: week, atRisk: atRisk, events: events, censored: censored))
            atRisk -= events + censored
        }
        return try? KaplanMeier(counts)
    }

    /// Kaplan-Meier retention (time to dropout), censored at the horizon; nil without persons.
    public static func retention(_ outcome: PolicyOutcome) -> KaplanMeier? { curve(outcome.dropoutWeeks) }
    /// Kaplan-Meier time to a ≥30% response, censored at the horizon; nil without persons.
    public static func timeToResponse(_ outcome: PolicyOutcome) -> KaplanMeier? { curve(outcome.firstResponseWeeks) }
}
