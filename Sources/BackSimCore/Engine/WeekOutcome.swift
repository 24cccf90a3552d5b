/// What the engine aggregates about one person-week, latent state included
/// (outcomes are for the analyst; policies never see this).
public struct WeekOutcome: Sendable {
    public var week: Int
    /// Reported average pain over the past 7 days, NRS 0-10.
    public var painReport: Int
    /// Disability 0-100.
    public var disability: Int
    public var sessionsPrescribed: Int
    public var sessionsDone: Int
    /// Session-RPE load done this week, AU.
    public var load: Double
    /// Not dropped out (under `control` there is nothing to drop out of).
    public var retained: Bool
    /// Flare-ups, referrals and see-a-doctor flags so far (cumulative).
    public var flareUps: Int
    public var referrals: Int
    public var doctorFlag: Bool
    /// A flare-up started this week.
    public var flareUpThisWeek: Bool
    /// Mean latent pain of the week's days (before the report's noise and rounding).
    public var latentPain: Double
    /// Disability before rounding.
    public var disabilityScore: Double

    static func baseline(painReport: Int, latentPain: Double, disabilityScore: Double) -> WeekOutcome {
        WeekOutcome(
            week: 0, painReport: painReport, disability: Int(disabilityScore.rounded()), sessionsPrescribed: 0,
            sessionsDone: 0, load: 0, retained: true, flareUps: 0, referrals: 0, doctorFlag: false,
            flareUpThisWeek: false, latentPain: latentPain, disabilityScore: disabilityScore)
    }
}
