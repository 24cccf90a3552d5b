/// What the engine aggregates about one person-week, latent state included
/// (outcomes are for the analyst; policies never see this).
public struct WeekOutcome: Sendable {
    /// Whether a report counts as a ≥30% response from baseline (IMMPACT
    /// "moderate"); a baseline of 0 cannot improve by 30%.
    @inline(__always)
    public static func responds30(baseline: Int, report: Int) -> Bool {
        baseline > 0 && 10 * (baseline - report) >= 3 * baseline
    }

    /// Whether a person is a sustained ≥30% responder at a week: the
    /// criterion met both that week and the week before (model 2; backward
    /// looking, so it can be reported at the week). Week 1's previous week is
    /// baseline, where the criterion cannot be met.
    @inline(__always)
    public static func sustained(_ criterion: (Int, Int) -> Bool, baseline: Int, previous: Int, report: Int) -> Bool {
        criterion(baseline, previous) && criterion(baseline, report)
    }

    /// ≥2 NRS points below baseline (Ostelo 2008).
    @inline(__always)
    public static func responds2pt(baseline: Int, report: Int) -> Bool { baseline - report >= 2 }

    /// ≥50% below baseline (IMMPACT "substantial").
    @inline(__always)
    public static func responds50(baseline: Int, report: Int) -> Bool {
        baseline > 0 && 2 * (baseline - report) >= baseline
    }

    /// Week number, 0 = baseline.
    public var week: Int
    /// Reported average pain over the past 7 days, NRS 0-10.
    public var painReport: Int
    /// Last week's report (the baseline report at weeks 0 and 1).
    public var previousPainReport: Int
    /// First week (≥ 1) with a report of 0, pain-free: the recovery rule
    /// of `recovered`; 0 = not yet.
    public var firstPainFreeWeek: Int
    /// Accumulated exercise benefit at the end of the week: the
    /// log-reduction of latent pain built capacity brings.
    public var benefit: Double
    /// Disability 0-100.
    public var disability: Int
    /// Sessions prescribed this week (0 after dropout).
    public var sessionsPrescribed: Int
    /// Sessions done this week.
    public var sessionsDone: Int
    /// Session-RPE load done this week, AU.
    public var load: Double
    /// Not dropped out (under `control` there is nothing to drop out of).
    public var retained: Bool
    /// Flare-ups, referrals and see-a-doctor flags so far (cumulative).
    public var flareUps: Int
    /// Referrals so far (cumulative).
    public var referrals: Int
    /// A see-a-doctor flag has been raised.
    public var doctorFlag: Bool
    /// A flare-up started this week.
    public var flareUpThisWeek: Bool
    /// Mean latent pain of the week's days (before the report's noise and rounding).
    public var latentPain: Double
    /// Disability before rounding.
    public var disabilityScore: Double
    /// The week-0 report and disability (for change and responder outcomes).
    public var baselineReport: Int
    /// The week-0 disability.
    public var baselineDisability: Int
    /// First week the person was a sustained ≥30% responder; 0 = not yet.
    public var firstResponseWeek: Int
    /// Week at whose end the person dropped out; 0 = not (yet).
    public var dropoutWeek: Int
    /// Aerobic minutes done this week.
    public var aerobicMinutes: Double
    /// Strength volume done this week (sets × reps × exercises × load).
    public var strengthVolume: Double
    /// Daily session-RPE loads done this week (for observed-load metrics).
    public var dailyLoads: InlineArray<7, Double>
    /// Observed-load history up to this week (training-load metrics).
    public var loads: LoadHistory

    static func baseline(painReport: Int, latentPain: Double, disabilityScore: Double) -> WeekOutcome {
        WeekOutcome(
            week: 0, painReport: painReport, previousPainReport: painReport, firstPainFreeWeek: 0, benefit: 0,
            disability: Int(disabilityScore.rounded()), sessionsPrescribed: 0,
            sessionsDone: 0, load: 0, retained: true, flareUps: 0, referrals: 0, doctorFlag: false,
            flareUpThisWeek: false, latentPain: latentPain, disabilityScore: disabilityScore,
            baselineReport: painReport, baselineDisability: Int(disabilityScore.rounded()), firstResponseWeek: 0,
            dropoutWeek: 0, aerobicMinutes: 0, strengthVolume: 0, dailyLoads: InlineArray(repeating: 0),
            loads: LoadHistory())
    }
}
